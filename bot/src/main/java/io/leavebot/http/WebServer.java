package io.leavebot.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leavebot.email.DecisionLinks;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * LeaveBot's own web server (the JDK's, no framework) serving a {@link WebApp}: the pages behind e-mail decision
 * links at {@code /decide} when {@link Builder#decisionLinks} is set, and the JSON API at {@code /api/leaves} when
 * {@link Builder#apiKey} is set. It binds to 127.0.0.1 unless told otherwise; put a TLS-terminating proxy in front to reach it from elsewhere.
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

    static {
        // The JDK server writes an answer's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK of the headers (~40 ms on Linux) before it goes out. Measured: a slash
        // command's ack took 48 ms (p50, one sender) with it, 14 ms without. Read once, when the JDK's server loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final ExecutorService threads;
    private final WebApp app;

    /** A server for {@code leaves}; say what to serve with {@link Builder#decisionLinks} and {@link Builder#apiKey}. */
    public static Builder builder(LeaveRequests leaves) {
        return new Builder(leaves);
    }

    /** Where to listen and what to serve (the settings of {@link WebApp.Builder}, plus the address and port). */
    public static final class Builder {
        private final WebApp.Builder app;
        private InetAddress address = InetAddress.getLoopbackAddress();
        private int port;

        private Builder(LeaveRequests leaves) {
            this.app = WebApp.builder(leaves);
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

        /** See {@link WebApp.Builder#clock}. */
        public Builder clock(Clock value) {
            app.clock(value);
            return this;
        }

        /** See {@link WebApp.Builder#zone}. */
        public Builder zone(ZoneId value) {
            app.zone(value);
            return this;
        }

        /** See {@link WebApp.Builder#decisionLinks}. */
        public Builder decisionLinks(DecisionLinks value) {
            app.decisionLinks(value);
            return this;
        }

        /** See {@link WebApp.Builder#apiKey}. */
        public Builder apiKey(ApiKey value) {
            app.apiKey(value);
            return this;
        }

        /** See {@link WebApp.Builder#awayPeriods}. */
        public Builder awayPeriods(AwayPeriods value) {
            app.awayPeriods(value);
            return this;
        }

        /** See {@link WebApp.Builder#calendarFeeds}. */
        public Builder calendarFeeds(io.leavebot.exports.CalendarFeeds value) {
            app.calendarFeeds(value);
            return this;
        }

        /** See {@link WebApp.Builder#reports}. */
        public Builder reports(io.leavebot.exports.LeaveReport value, io.leavebot.exports.ReportLinks links) {
            app.reports(value, links);
            return this;
        }

        /** See {@link WebApp.Builder#defaultLeaveType}. */
        public Builder defaultLeaveType(String value) {
            app.defaultLeaveType(value);
            return this;
        }

        /** See {@link WebApp.Builder#chatApp}. */
        public Builder chatApp(ChatApp value) {
            app.chatApp(value);
            return this;
        }

        /** See {@link WebApp.Builder#health}. */
        public Builder health(io.leavebot.ops.HealthChecks value) {
            app.health(value);
            return this;
        }

        /** See {@link WebApp.Builder#metrics}. */
        public Builder metrics(io.leavebot.ops.ScrapedMetrics value, ApiKey key) {
            app.metrics(value, key);
            return this;
        }

        /** See {@link WebApp.Builder#mount}. */
        public Builder mount(String path, Function<WebRequest, WebResponse> frontEnd) {
            app.mount(path, frontEnd);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IllegalStateException when neither decision links nor an API key is configured
         * @throws UncheckedIOException when the address and port cannot be bound
         */
        public WebServer start() {
            return new WebServer(app.build(), address, port);
        }
    }

    private WebServer(WebApp app, InetAddress address, int port) {
        this.app = app;
        try {
            this.http = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + ":" + port
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

    /**
     * The base address, such as {@code http://127.0.0.1:43125}. Bound to all addresses (0.0.0.0, ::), the server is
     * named by the loopback address, which works on this machine, where "0:0:0:0:0:0:0:0" is no host at all.
     */
    public URI uri() {
        InetAddress bound = http.getAddress().getAddress();
        String host = (bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound).getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
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
        var ex = new JdkExchange(exchange);
        inProgress.incrementAndGet();
        try {
            app.handle(ex);
        } catch (RuntimeException e) {
            // the answer could not be sent (the caller went away, or answered twice): nothing left to tell anyone
            LOG.log(System.Logger.Level.DEBUG, "web " + ex.method() + ": no answer sent, " + Failures.describe(e));
        } finally {
            ex.close();
            inProgress.decrementAndGet();
        }
    }
}
