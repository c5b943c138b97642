package io.leavebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real aws-ses-v2-local (the SES v2 stand-in) on a free loopback port, from the npm tools the build installs in
 * {@code tools/} (surefire passes their folder as {@code -Dleavebot.tools.dir}). Register it once per test class:
 * <pre>{@code @RegisterExtension static final SesLocal SES = new SesLocal();}</pre>
 * It is started before the class's tests and stopped after them. Point an SES client at {@link #endpoint()}; read
 * what was sent with {@link #emails()} (its {@code GET /store}) and start afresh with {@link #clear()}. Its output
 * goes to a temporary file that is shown only when it fails to start.
 */
public final class SesLocal implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as aws-ses-v2-local stored it. */
    public record StoredEmail(String messageId, String from, List<String> to, String subject, String text, String html) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private NpmTool.Running server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts the server and waits until its health check answers; a port taken meanwhile is retried with another. */
    public SesLocal start() throws IOException, InterruptedException {
        server = NpmTool.startOnFreePort("aws-ses-v2-local", port -> List.of("--host", "127.0.0.1", "--port", String.valueOf(port)),
                this::awaitHealthy, "GET /health-check did not answer within " + START_TIMEOUT);
        return this;
    }

    /** Where the SES v2 API is served. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Everything sent since the start or the last {@link #clear()}, oldest first. */
    public List<StoredEmail> emails() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/store")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /store answered " + response.statusCode() + ": " + response.body());
        }
        List<StoredEmail> emails = new ArrayList<>();
        for (JsonNode email : JSON.readTree(response.body()).path("emails")) {
            List<String> to = new ArrayList<>();
            email.path("destination").path("to").forEach(address -> to.add(address.asText()));
            emails.add(new StoredEmail(email.path("messageId").asText(), email.path("from").asText(), to,
                    email.path("subject").asText(), email.path("body").path("text").asText(null),
                    email.path("body").path("html").asText(null)));
        }
        return emails;
    }

    /** Forgets every stored message. */
    public void clear() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint().resolve("/clear-store"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /clear-store answered " + response.statusCode());
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /**
     * Healthy once {@code GET /health-check} answers 200 and the server has said that it runs: an answer alone could
     * come from another program that took the port between {@link NpmTool#freePort} and the server's start.
     */
    private boolean awaitHealthy(Process process, Path log, URI endpoint) throws IOException, InterruptedException {
        HttpRequest health = HttpRequest.newBuilder(endpoint.resolve("/health-check")).timeout(Duration.ofSeconds(2)).build();
        return NpmTool.awaitLine(process, log, "server running at", START_TIMEOUT, POLL, () -> {
            try {
                return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYetListening) {
                return false; // keep polling until the deadline
            }
        });
    }

}
