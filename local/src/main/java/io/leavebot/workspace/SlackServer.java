package io.leavebot.workspace;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Slack's side of the wire, on a free loopback port: the Web API at {@value #API}{@code <method>} and the
 * response URLs at {@value #RESPONSE}{@code <id>}. Only LeaveBot, in the same process, ever calls it, so it
 * listens on 127.0.0.1 whatever address LeaveBot's own pages use.
 */
final class SlackServer implements AutoCloseable {
    static final String API = "/api/";
    static final String RESPONSE = "/response/";
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer http;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "workspace-slack-api");
        thread.setDaemon(true);
        return thread;
    });
    private final WebApi api;
    private final ResponseUrls responseUrls;

    SlackServer(WebApi api, ResponseUrls responseUrls) {
        this.api = api;
        this.responseUrls = responseUrls;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the local workspace cannot listen on a loopback port", e);
        }
        http.setExecutor(threads);
        http.createContext("/", this::handle);
    }

    /**
     * Starts answering. The port is taken at construction, so LeaveBot can be configured with {@link #apiUrl()} first;
     * until then, calls wait in the port's backlog. Started last, the server's (non-daemon) thread cannot keep a
     * LeaveBot that failed to start from exiting.
     */
    void start() {
        http.start();
    }

    /** Where the Web API is, for the SDK's {@code methodsEndpointUrlPrefix}: {@code http://127.0.0.1:<port>/api/}. */
    URI apiUrl() {
        return base().resolve(API);
    }

    /** The full response URL for an id from {@link ResponseUrls#issue}. */
    String responseUrl(String id) {
        return base().resolve(RESPONSE + id).toString();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!"POST".equals(exchange.getRequestMethod()) && !"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, WebApi.error("method_not_supported"));
            } else if (path.startsWith(API)) {
                send(exchange, 200, api.call(path.substring(API.length()), exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), body));
            } else if (path.startsWith(RESPONSE)) {
                ResponseUrls.Answer answer = responseUrls.post(path.substring(RESPONSE.length()), body);
                send(exchange, answer.status(), answer.body());
            } else {
                send(exchange, 404, WebApi.error("unknown_method"));
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
