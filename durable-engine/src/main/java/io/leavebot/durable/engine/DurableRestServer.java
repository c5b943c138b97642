package io.leavebot.durable.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.model.DurableExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The Lambda durable-execution REST API on a local port, so the real AWS SDK {@code LambdaClient} (pointed here
 * with {@code endpointOverride(server.uri())} and given the server's {@link DurableCredentials} as static
 * credentials) can start executions, checkpoint, read state and history, complete callbacks and stop executions
 * against the embedded engine. Routes, query and header names are those the SDK's request marshallers use; errors
 * come back in Lambda's shape, so the SDK throws its usual exceptions.
 *
 * <p>Every request, on every route, must be signed as AWS signs requests to Lambda (SigV4) with the server's one
 * key; anything else is refused with Lambda's 403 answers before any route runs ({@code SigV4Verifier}). Anyone
 * holding the key can complete any callback and stop any execution, so it binds to 127.0.0.1 unless told otherwise.
 */
public final class DurableRestServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DurableRestServer.class.getName());

    private final HttpServer http;
    private final ExecutorService threads;
    private final RestRouter router;
    private final SigV4Verifier verifier;

    /**
     * Serves {@code engine} to requests signed with {@code credentials}: its in-process service, its client API, and
     * for synchronous invocations its start that accepts up to 6 MB of input (not 256 KiB) and its wait for the
     * execution to close.
     */
    public static Builder builder(EmbeddedEngine engine, DurableCredentials credentials) {
        return new Builder(engine.service(), engine, engine::startSynchronous, engine::awaitClosed, credentials);
    }

    /**
     * Serves any implementation of the ports to requests signed with {@code credentials}; a synchronous invocation
     * starts through {@code client.start}.
     *
     * @param awaitClosed waits for an execution to close, for synchronous ({@code RequestResponse}) invocations
     */
    public static Builder builder(DurableService service, DurableClient client,
            BiFunction<String, Duration, DurableExecution> awaitClosed, DurableCredentials credentials) {
        return new Builder(service, client, client::start, awaitClosed, credentials);
    }

    /** Where and how to listen. */
    public static final class Builder {
        private final DurableService service;
        private final DurableClient client;
        private final InvokeRoute.Starter syncStart;
        private final BiFunction<String, Duration, DurableExecution> awaitClosed;
        private final DurableCredentials credentials;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private Duration syncInvokeTimeout = Duration.ofMinutes(15);

        private Builder(DurableService service, DurableClient client, InvokeRoute.Starter syncStart,
                BiFunction<String, Duration, DurableExecution> awaitClosed, DurableCredentials credentials) {
            this.service = Objects.requireNonNull(service, "service");
            this.client = Objects.requireNonNull(client, "client");
            this.syncStart = syncStart;
            this.awaitClosed = Objects.requireNonNull(awaitClosed, "awaitClosed");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
        }

        /** Default 127.0.0.1. */
        public Builder address(InetAddress value) {
            this.address = Objects.requireNonNull(value, "address");
            return this;
        }

        /** Default 0: a free port, see {@link DurableRestServer#port()}. */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /** How long a synchronous invocation waits for its execution; default 15 minutes, like Lambda. */
        public Builder syncInvokeTimeout(Duration value) {
            this.syncInvokeTimeout = Objects.requireNonNull(value, "syncInvokeTimeout");
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws UncheckedIOException when the address and port cannot be bound; a port in use is a
         *     {@link java.net.BindException} cause
         */
        public DurableRestServer start() {
            return new DurableRestServer(this);
        }
    }

    private DurableRestServer(Builder b) {
        this.verifier = new SigV4Verifier(b.credentials, Clock.systemUTC());
        this.router = new RestRouter(new ExecutionRoutes(b.service, b.client), new CallbackRoutes(b.client),
                new InvokeRoute(b.client, b.syncStart, b.awaitClosed, b.syncInvokeTimeout));
        try {
            this.http = HttpServer.create(new InetSocketAddress(b.address, b.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + b.address.getHostAddress() + ":" + b.port, e);
        }
        // unbounded on purpose: a synchronous invoke holds its thread while the handler checkpoints on others
        var count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "durable-rest-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
    }

    /** The port actually bound. */
    public int port() {
        return http.getAddress().getPort();
    }

    /**
     * The base URI to give the SDK as its endpoint, such as {@code http://127.0.0.1:43125}; bound to all addresses
     * (0.0.0.0, ::), the loopback one.
     */
    public URI uri() {
        InetAddress bound = http.getAddress().getAddress();
        String host = (bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound).getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    /** Stops listening; requests in progress are cut off. */
    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        var ex = new RestExchange(exchange);
        try {
            verifier.verify(ex.method(), ex.requestUri(), ex.headers(), ex::wholeBody);
            router.route(ex);
        } catch (RestError e) {
            answer(ex, e);
        } catch (RuntimeException e) {
            RestError error = RestError.from(e);
            if (error == null) {
                LOG.log(System.Logger.Level.ERROR, "request " + ex.requestId + " (" + ex.method() + " " + ex.operation
                        + ") failed", e);
                error = RestError.internal(ex.requestId);
            }
            answer(ex, error);
        } finally {
            exchange.close();
        }
    }

    private static void answer(RestExchange ex, RestError error) {
        // status and code only: messages can carry callback ids, which work like passwords
        if (error.status == 403) {
            LOG.log(System.Logger.Level.INFO, () -> "request " + ex.requestId + " from " + ex.remoteAddress()
                    + " refused: " + error.code);
        } else {
            LOG.log(System.Logger.Level.DEBUG, () -> "request " + ex.requestId + " (" + ex.operation + "): "
                    + error.status + " " + error.code);
        }
        try {
            ex.respondError(error);
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.log(System.Logger.Level.DEBUG, "request " + ex.requestId + ": could not send the error answer", e);
        }
    }
}
