package io.leavebot.bench.peers;

import dev.restate.sdk.Awakeable;
import dev.restate.sdk.Context;
import dev.restate.sdk.HandlerRunner;
import dev.restate.sdk.endpoint.Endpoint;
import dev.restate.sdk.endpoint.definition.HandlerDefinition;
import dev.restate.sdk.endpoint.definition.HandlerType;
import dev.restate.sdk.endpoint.definition.ServiceDefinition;
import dev.restate.sdk.endpoint.definition.ServiceType;
import dev.restate.sdk.http.vertx.RestateHttpServer;
import dev.restate.serde.Serde;
import dev.restate.serde.jackson.JacksonSerdeFactory;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Restate with its Java SDK: the workflow is a service whose handler runs in this JVM behind the SDK's HTTP
 * endpoint; executions start and awakeables are resolved through the server's ingress, as an outside caller would.
 */
final class RestateSubject implements Subject {
    private static final String SERVICE = "Approval";
    private static final String HANDLER = "run";
    private static final Duration SCHEMA_PROPAGATION = Duration.ofSeconds(10);
    private static final Serde<String> STRING = JacksonSerdeFactory.DEFAULT.create(String.class);

    private final RestateServer server;
    private final HttpServer endpoint;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final long registeredAt;

    RestateSubject(RestateServer server, Probe probe) throws Exception {
        this.server = server;
        var handler = HandlerDefinition.of(HANDLER, HandlerType.SHARED, STRING, STRING,
                HandlerRunner.of((Context ctx, String name) -> approve(ctx, name, probe), JacksonSerdeFactory.DEFAULT,
                        HandlerRunner.Options.DEFAULT));
        var service = ServiceDefinition.of(SERVICE, ServiceType.SERVICE, List.of(handler));
        endpoint = RestateHttpServer.fromEndpoint(Endpoint.bind(service).build(),
                new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        endpoint.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        server.registerDeployment("http://127.0.0.1:" + endpoint.actualPort() + "/");
        registeredAt = System.nanoTime();
    }

    /** 3 {@code ctx.run} steps, an awakeable resolved from outside, 2 steps. */
    private static String approve(Context ctx, String name, Probe probe) {
        for (String step : List.of("record", "receipt", "route")) {
            ctx.run(step, String.class, () -> probe.step(name, step));
        }
        Awakeable<String> approval = ctx.awakeable(String.class);
        ctx.run("hand-out", String.class, () -> probe.handOut(name, approval.id()));
        String decision = approval.await();
        ctx.run("record-decision", String.class, () -> probe.recordDecision(name, decision));
        ctx.run("tell", String.class, () -> probe.tell(name));
        return decision;
    }

    @Override
    public List<Long> serverProcesses() {
        return List.of(server.serverProcess());
    }

    @Override
    public void start(String execution) throws Exception {
        while (true) {
            HttpResponse<String> response = post(server.ingress() + "/" + SERVICE + "/" + HANDLER + "/send",
                    json(execution), execution);
            if (response.statusCode() == 404
                    && System.nanoTime() - registeredAt < SCHEMA_PROPAGATION.toNanos()) {
                Thread.sleep(50); // the ingress has not heard of the new deployment yet
                continue;
            }
            expectSuccess("start " + execution, response);
            return;
        }
    }

    @Override
    public void resolve(String token) throws Exception {
        String url = server.ingress() + "/restate/awakeables/" + token + "/resolve"; // ids are URL-safe as they are
        expectSuccess("resolve " + token, post(url, json("approved"), null));
    }

    @Override
    public void verifyFinished(String execution) throws Exception {
        String url = server.ingress() + "/restate/invocation/" + SERVICE + "/" + HANDLER + "/"
                + URLEncoder.encode(execution, StandardCharsets.UTF_8) + "/attach";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(1)).GET().build(), HttpResponse.BodyHandlers.ofString());
        expectSuccess("attach " + execution, response);
        if (!json("approved").equals(response.body())) {
            throw new IllegalStateException("Restate: " + execution + " ended with " + response.body());
        }
    }

    private HttpResponse<String> post(String url, String body, String idempotencyKey) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("idempotency-key", idempotencyKey); // a start is idempotent by name, as on the engine
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectSuccess(String what, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Restate ingress: " + what + " answered " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static String json(String text) {
        return "\"" + text + "\"";
    }

    @Override
    public void close() throws IOException {
        try {
            endpoint.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the SDK endpoint", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the SDK endpoint did not close", e);
        }
    }
}
