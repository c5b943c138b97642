package io.leavebot.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One blocking HTTP/1.1 exchange over the JDK's {@link HttpURLConnection}: the transport of every call LeaveBot makes
 * to AWS, Slack and Microsoft. Not {@code java.net.http}: on a fresh JVM with C1 alone (the Lambda functions' options)
 * its first request costs some 300 ms of class loading, lambdas and a selector thread, this one's about 40 (README,
 * "The Lambda package and its cold start"). Connections to a host are kept alive between calls by the JDK's cache,
 * which drops one the server closed before handing it out again.
 *
 * <p>What callers may count on, as they could with {@code java.net.http}: no proxy (the JDK's system proxies are not
 * consulted), no redirect followed, and a POST is never sent a second time behind the caller's back: retrying is the
 * caller's decision (the JDK would send a POST again on a kept connection that failed; {@code sun.net.http.retryPost}
 * is set to false before its first use, unless set already). The timeout bounds connecting and each wait for the
 * answer.
 *
 * <p>The JDK keeps 5 idle connections per host unless told otherwise; LeaveBot's server sends from many workflow
 * threads at once, so {@code http.maxConnections} is set to {@value #KEPT_CONNECTIONS} (unless set already): a
 * connection over the limit is closed after its call, and the next pays a new TCP and TLS handshake.
 *
 * <p>A body is buffered and goes out with the headers in one write. Streamed with its length fixed, it would follow
 * them in a second small write, which Nagle's algorithm may hold back until the first is acknowledged (a server may
 * delay that by 40 ms): in a loop of small POSTs to WireMock, 13 ms a call streamed against 6 buffered (2026-12-03,
 * a busy machine).
 *
 * <p>HTTPS goes over the JDK's TLS unless the process chose another {@link Transport} when it started
 * ({@link #sendHttpsOver}): the Lambda functions send it over the AWS Common Runtime's native TLS, which a fresh JVM
 * does not have to load, parse a trust store for and run interpreted (README, "The Lambda package and its cold
 * start"). Either keeps the promises above.
 */
public final class PlainHttp {
    static final int KEPT_CONNECTIONS = 32;

    static {
        // read once by the JDK's HTTP classes as they load: set before this class's first call reaches them
        if (System.getProperty("sun.net.http.retryPost") == null) {
            System.setProperty("sun.net.http.retryPost", "false");
        }
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", Integer.toString(KEPT_CONNECTIONS));
        }
    }

    /** Another way to carry HTTPS; null: the JDK's. Set once, as the process starts, before its first call. */
    private static volatile Transport https;

    private final Duration connectTimeout;

    /**
     * An HTTPS exchange as {@link #send} describes it; {@code headers} hold the {@code Accept} header, and {@code body}
     * is null only for a method without one.
     */
    public interface Transport {
        Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
                Duration timeout) throws IOException;
    }

    /** From now on, every {@code https} call of this process goes over {@code transport}. */
    public static void sendHttpsOver(Transport transport) {
        https = transport;
    }

    public PlainHttp(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** An answer of any status: its headers by name (any case), and its body (empty when it had none). */
    public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }
    }

    /**
     * Sends {@code method} to {@code uri} with {@code headers} and {@code body} (null: none; a POST or PUT without one
     * sends an empty body) and reads the whole answer.
     *
     * @throws IOException the server could not be reached, or did not answer within {@code timeout}
     *                     ({@link java.net.SocketTimeoutException})
     */
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) throws IOException {
        Map<String, String> sentHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sentHeaders.put("Accept", "*/*"); // else the JDK's own, meant for browsers; a caller may set one
        sentHeaders.putAll(headers);
        byte[] sent = body != null ? body : method.equals("POST") || method.equals("PUT") ? new byte[0] : null;
        Transport other = https;
        if (other != null && "https".equalsIgnoreCase(uri.getScheme())) {
            return other.send(method, uri, sentHeaders, sent, connectTimeout, timeout);
        }
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
        try {
            connection.setRequestMethod(method);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(timeout));
            sentHeaders.forEach(connection::setRequestProperty);
            if (sent != null) {
                connection.setDoOutput(true);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(sent);
                }
            }
            int status = connection.getResponseCode();
            if (status < 0) {
                throw new IOException(method + " " + uri.getRawPath() + " got an answer that is not HTTP");
            }
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer;
            try (in) {
                answer = in == null ? new byte[0] : in.readAllBytes(); // read to the end: the connection can be kept
            }
            return new Answer(status, headersOf(connection), answer);
        } catch (IOException | RuntimeException e) {
            connection.disconnect(); // a connection in an unknown state is not kept for the next call
            throw e;
        }
    }

    private static Map<String, List<String>> headersOf(HttpURLConnection connection) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        connection.getHeaderFields().forEach((name, values) -> {
            if (name != null) { // the status line comes under null
                headers.put(name, values);
            }
        });
        return headers;
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, duration.toMillis()));
    }
}
