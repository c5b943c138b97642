package io.leavebot.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leavebot.email.DecisionLinks;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LeaveBot's own web server (the JDK's, no framework): the pages behind e-mail decision links at {@code /decide}
 * when {@link Builder#decisionLinks} is set, and the JSON API at {@code /api/leaves} when {@link Builder#apiKey} is
 * set. It binds to 127.0.0.1 unless told otherwise; put a TLS-terminating proxy in front to reach it from elsewhere.
 * <pre>{@code
 * try (WebServer web = WebServer.builder(leaveRequests).decisionLinks(links).apiKey(ApiKey.of(key)).port(3000).start()) {
 *     ...
 * }
 * }</pre>
 */
public final class WebServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WebServer.class.getName());
    /** Requests served at once; the work behind each is a store read or a callback completion. */
    private static final int THREADS = 8;

    private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    private final HttpServer http;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final ExecutorService threads;
    private final DecisionEndpoint decisions;
    private final LeaveApi api;

    /** A server for {@code leaves}; say what to serve with {@link Builder#decisionLinks} and {@link Builder#apiKey}. */
    public static Builder builder(LeaveRequests leaves) {
        return new Builder(leaves);
    }

    /** Where to listen and what to serve. */
    public static final class Builder {
        private final LeaveRequests leaves;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;
        private Clock clock = Clock.systemUTC();
        private ZoneId zone = ZoneOffset.UTC;
        private DecisionLinks links;
        private ApiKey apiKey;
        private String defaultLeaveType = "annual";

        private Builder(LeaveRequests leaves) {
            this.leaves = Objects.requireNonNull(leaves, "leaves");
        }

        /** Default 127.0.0.1. */
        public Builder address(InetAddress value) {
            this.address = Objects.requireNonNull(value, "address");
            return this;
        }

        /** Default 0: any free port, see {@link WebServer#port()}. */
        public Builder port(int value) {
            if (value < 0 || value > 65535) {
                throw new IllegalArgumentException("the web server's port must be 0-65535, but was " + value);
            }
            this.port = value;
            return this;
        }

        /** When links expire and what "today" is; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The time zone of times and dates on pages and in the API's "today"; default UTC. */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Serves {@code /decide} for links signed with these. */
        public Builder decisionLinks(DecisionLinks value) {
            this.links = Objects.requireNonNull(value, "decisionLinks");
            return this;
        }

        /** Serves the JSON API {@code /api/leaves} to callers with this key. */
        public Builder apiKey(ApiKey value) {
            this.apiKey = Objects.requireNonNull(value, "apiKey");
            return this;
        }

        /** The leave type of API requests that name none; default "annual". */
        public Builder defaultLeaveType(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the default leave type must not be blank");
            }
            this.defaultLeaveType = value.trim();
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException when neither decision links nor an API key is configured
         * @throws UncheckedIOException when the address and port cannot be bound
         */
        public WebServer start() {
            if (links == null && apiKey == null) {
                throw new IllegalStateException("the web server has nothing to serve: configure decision links, an API key, or both");
            }
            return new WebServer(this);
        }
    }

    private WebServer(Builder b) {
        this.decisions = b.links == null ? null : new DecisionEndpoint(b.leaves, b.links, new DecisionPages(b.zone), b.clock);
        this.api = b.apiKey == null ? null : new LeaveApi(b.leaves, b.apiKey, b.defaultLeaveType, b.clock, b.zone);
        try {
            this.http = HttpServer.create(new InetSocketAddress(b.address, b.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + b.address.getHostAddress() + ":" + b.port
                    + "; is another program using the port?", e);
        }
        var count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "leavebot-web-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(threads);
        http.createContext("/", this::dispatch);
        http.start();
    }

    /** The port actually bound. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The base address, such as {@code http://127.0.0.1:43125}. */
    public URI uri() {
        return URI.create("http://" + http.getAddress().getAddress().getHostAddress() + ":" + port());
    }

    /** Stops listening; requests in progress get up to a second to finish. */
    @Override
    public void close() {
        // JDK 17's stop(delay) always waits the whole delay, so wait here only while something is in progress
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            while (inProgress.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            http.stop(0);
            threads.shutdownNow();
        }
    }

    private void dispatch(HttpExchange exchange) {
        var ex = new Exchange(exchange);
        inProgress.incrementAndGet();
        try {
            String path = ex.path();
            if (decisions != null && path.equals(DecisionEndpoint.PATH)) {
                decisions.handle(ex);
            } else if (api != null && (path.equals(LeaveApi.PATH) || path.startsWith(LeaveApi.PATH + "/"))) {
                api.handle(ex);
            } else {
                ex.respond(404, "text/html; charset=utf-8", Html.page("Nothing here", Html.paragraphs(List.of(
                        "There is no page at this address. LeaveBot's pages are reached through the links it sends."))),
                        Map.of());
            }
        } catch (RuntimeException e) {
            // the answer could not be sent (the caller went away, or answered twice): nothing left to tell anyone
            LOG.log(System.Logger.Level.DEBUG, "web " + ex.method() + ": no answer sent, " + Failures.describe(e));
        } finally {
            ex.close();
            inProgress.decrementAndGet();
        }
    }
}
