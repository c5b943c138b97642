package io.leavebot.aws;

import io.leavebot.net.PlainHttp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import software.amazon.awssdk.crt.CRT;
import software.amazon.awssdk.crt.http.HttpClientConnection;
import software.amazon.awssdk.crt.http.HttpClientConnectionManager;
import software.amazon.awssdk.crt.http.HttpClientConnectionManagerOptions;
import software.amazon.awssdk.crt.http.HttpException;
import software.amazon.awssdk.crt.http.HttpHeader;
import software.amazon.awssdk.crt.http.HttpHeaderBlock;
import software.amazon.awssdk.crt.http.HttpProxyEnvironmentVariableSetting;
import software.amazon.awssdk.crt.http.HttpRequest;
import software.amazon.awssdk.crt.http.HttpRequestBodyStream;
import software.amazon.awssdk.crt.http.HttpStream;
import software.amazon.awssdk.crt.http.HttpStreamResponseHandler;
import software.amazon.awssdk.crt.io.ClientBootstrap;
import software.amazon.awssdk.crt.io.EventLoopGroup;
import software.amazon.awssdk.crt.io.HostResolver;
import software.amazon.awssdk.crt.io.SocketOptions;
import software.amazon.awssdk.crt.io.TlsContext;
import software.amazon.awssdk.crt.io.TlsContextOptions;

/**
 * HTTPS for the Lambda functions over the AWS Common Runtime (its native TLS, s2n), instead of the JDK's: a fresh JVM
 * with C1 alone spent ~650 ms of CPU and ~450 ms of wall time on the JDK's TLS for its first three HTTPS calls (the
 * trust store parsed, the TLS and elliptic-curve code loaded and run interpreted), and ~250 ms of CPU here, most of
 * it loading the native library, which {@link #install} starts on a thread of its own as the handler's class loads
 * (README, "The Lambda package and its cold start"). Only the Lambda package carries the CRT, for Linux x86-64 with
 * glibc alone, the functions' platform (the stack pins it); the local launcher keeps the JDK's TLS.
 *
 * <p>It keeps {@link PlainHttp}'s promises: no proxy (the CRT's reading of {@code HTTPS_PROXY} is off), no redirect
 * followed, nothing sent twice (the CRT never re-sends by itself), the timeout bounding the connection and the wait
 * for the answer, up to {@value #KEPT_CONNECTIONS} connections kept per host. Unlike the JDK's, which opens more and
 * keeps that many idle, the CRT opens no more than {@value #KEPT_CONNECTIONS} to a host at once: one more call waits for
 * a free one, within the connect timeout's bound (a function runs one invocation at a time, which makes a few calls
 * at once). It trusts what the system trusts, or the PEM file {@code SSL_CERT_FILE} names, as OpenSSL and Go read
 * that variable (the package tests' TLS fronts).
 * Failures come as the JDK's would: {@link ConnectException} or {@link SocketException} when the host cannot be
 * reached or drops the connection, {@link SocketTimeoutException} when it does not answer in time, and
 * {@link SSLException} when TLS fails, so callers tell a transient failure the same way on either transport. One
 * difference: s2n holds a failed handshake (a certificate it does not trust) for 10 - 30 s before it reports it, its
 * blinding against timing attacks, so that failure comes as a connection that did not come in time.
 */
final class CrtHttps implements PlainHttp.Transport {
    private static final int KEPT_CONNECTIONS = 32;
    /** The trust, when set: a PEM file of certificates that replaces the system's. */
    static final String CERTIFICATES = "SSL_CERT_FILE";

    private final Soon<Native> loading;
    private final Map<String, HttpClientConnectionManager> hosts = new ConcurrentHashMap<>();

    private CrtHttps(Soon<Native> loading) {
        this.loading = loading;
    }

    /** The native side, made once: the library, the TLS context, one event-loop thread and its DNS resolver. */
    private record Native(TlsContext tls, ClientBootstrap bootstrap) {
    }

    /**
     * From now on every HTTPS call of this process goes over the CRT. Its native library loads on a daemon thread
     * meanwhile, so a handler's init overlaps it; the first call waits for it, and fails if it could not load.
     */
    static void install() {
        PlainHttp.sendHttpsOver(starting(System.getenv(CERTIFICATES)));
    }

    /** A transport whose native side starts loading now, trusting {@code certificates} (a PEM file) or, if null, the system. */
    static CrtHttps starting(String certificates) {
        return new CrtHttps(Soon.start("crt-load", () -> load(certificates)));
    }

    private static Native load(String certificates) {
        new CRT(); // loads the native library
        TlsContextOptions options = TlsContextOptions.createDefaultClient();
        if (certificates != null && !certificates.isBlank()) {
            options.withCertificateAuthorityFromPath(null, certificates);
        }
        EventLoopGroup loop = new EventLoopGroup(1);
        return new Native(new TlsContext(options), new ClientBootstrap(loop, new HostResolver(loop)));
    }

    @Override
    public PlainHttp.Answer send(String method, URI uri, Map<String, String> headers, byte[] body, Duration connectTimeout,
            Duration timeout) throws IOException {
        HttpClientConnectionManager host = host(uri, connectTimeout);
        HttpClientConnection connection = await(host.acquireConnection(), connectTimeout, uri);
        Exchange exchange = new Exchange();
        HttpStream stream = null;
        try {
            stream = connection.makeRequest(request(method, uri, headers, body), exchange);
            stream.activate();
            int failure = exchange.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (failure != CRT.AWS_CRT_SUCCESS) {
                connection.shutdown();
                throw failed(failure, method + " " + uri.getRawPath());
            }
            return new PlainHttp.Answer(exchange.status, exchange.headers, exchange.body.toByteArray());
        } catch (TimeoutException e) {
            connection.shutdown(); // an answer may still be on its way: this connection is not kept for the next call
            throw new SocketTimeoutException(method + " " + uri.getRawPath() + ": no answer within " + timeout.toMillis() + " ms");
        } catch (HttpException e) {
            connection.shutdown();
            throw failed(e.getErrorCode(), method + " " + uri.getRawPath());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.shutdown();
            throw new InterruptedIOException("interrupted waiting for " + method + " " + uri.getRawPath());
        } catch (ExecutionException e) {
            connection.shutdown();
            throw new IOException(method + " " + uri.getRawPath() + " failed: " + e.getCause(), e.getCause());
        } finally {
            if (stream != null) {
                stream.close();
            }
            host.releaseConnection(connection); // a shut-down one is dropped by the manager, an open one kept
        }
    }

    private HttpClientConnectionManager host(URI uri, Duration connectTimeout) throws IOException {
        Native crt = loaded();
        int port = uri.getPort() == -1 ? 443 : uri.getPort();
        return hosts.computeIfAbsent(uri.getHost() + ":" + port, key -> {
            SocketOptions socket = new SocketOptions();
            socket.connectTimeoutMs = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
            var noProxy = new HttpProxyEnvironmentVariableSetting();
            noProxy.setEnvironmentVariableType(HttpProxyEnvironmentVariableSetting.HttpProxyEnvironmentVariableType.DISABLED);
            return HttpClientConnectionManager.create(new HttpClientConnectionManagerOptions()
                    .withClientBootstrap(crt.bootstrap())
                    .withSocketOptions(socket)
                    .withTlsContext(crt.tls())
                    .withUri(URI.create("https://" + uri.getHost() + ":" + port))
                    .withMaxConnections(KEPT_CONNECTIONS)
                    .withProxyEnvironmentVariableSetting(noProxy));
        });
    }

    private Native loaded() throws IOException {
        try {
            return loading.get();
        } catch (RuntimeException | LinkageError e) {
            throw new IOException("the AWS CRT's native library did not load: " + e, e);
        }
    }

    private static HttpClientConnection await(CompletableFuture<HttpClientConnection> connecting, Duration connectTimeout,
            URI uri) throws IOException {
        try {
            // the socket's own connect timeout ends the attempt first; this bounds the TLS handshake after it too
            return connecting.get(connectTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            connecting.thenAccept(HttpClientConnection::close); // if it comes after all, it is not used
            throw new SocketTimeoutException("no connection to " + uri.getHost() + ":" + uri.getPort() + " within "
                    + connectTimeout.toMillis() * 2 + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted connecting to " + uri.getHost());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof HttpException refused) {
                throw failed(refused.getErrorCode(), "connecting to " + uri.getHost() + ":" + uri.getPort());
            }
            throw new ConnectException("connecting to " + uri.getHost() + ": " + e.getCause());
        }
    }

    private static HttpRequest request(String method, URI uri, Map<String, String> headers, byte[] body) {
        List<HttpHeader> sent = new ArrayList<>(headers.size() + 2);
        // as the JDK sends it (and as AWS requests are signed): the port only when it is not HTTPS's own
        sent.add(new HttpHeader("Host", uri.getPort() == -1 || uri.getPort() == 443 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Length")) { // the JDK ignores both too
                sent.add(new HttpHeader(name, value));
            }
        });
        if (body != null) {
            sent.add(new HttpHeader("Content-Length", Integer.toString(body.length)));
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new HttpRequest(method, path, sent.toArray(HttpHeader[]::new), body == null ? null : new Body(body));
    }

    /** The CRT's failure as the exception the JDK would have thrown, naming the CRT's error. */
    private static IOException failed(int errorCode, String what) {
        String name = CRT.awsErrorName(errorCode);
        String message = what + " failed: " + name + " (" + CRT.awsErrorString(errorCode) + ")";
        if (name.contains("TLS") || name.contains("S2N")) {
            return new SSLException(message);
        }
        if (name.contains("TIMEOUT")) {
            return new SocketTimeoutException(message);
        }
        if (name.contains("CONNECTION_REFUSED") || name.contains("DNS") || name.contains("NO_ROUTE")
                || name.contains("NETWORK_DOWN") || name.contains("UNREACHABLE")) {
            return new ConnectException(message);
        }
        return new SocketException(message); // closed or reset mid-exchange, and the like
    }

    /** The request's body, handed to the CRT in one piece. */
    private static final class Body implements HttpRequestBodyStream {
        private final ByteBuffer bytes;

        Body(byte[] body) {
            this.bytes = ByteBuffer.wrap(body);
        }

        @Override
        public boolean sendRequestBody(ByteBuffer out) {
            int n = Math.min(out.remaining(), bytes.remaining());
            out.put(bytes.array(), bytes.position(), n);
            bytes.position(bytes.position() + n);
            return !bytes.hasRemaining();
        }

        @Override
        public boolean resetPosition() {
            bytes.rewind();
            return true;
        }

        @Override
        public long getLength() {
            return bytes.capacity();
        }
    }

    /** One answer, as the CRT's event-loop thread hands it in; {@link #done} completes with the CRT's error code. */
    private static final class Exchange implements HttpStreamResponseHandler {
        final CompletableFuture<Integer> done = new CompletableFuture<>();
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        volatile int status;

        @Override
        public void onResponseHeaders(HttpStream stream, int status, int blockType, HttpHeader[] received) {
            if (blockType != HttpHeaderBlock.MAIN.getValue()) {
                return; // a 100 Continue's, or trailers
            }
            this.status = status;
            for (HttpHeader header : received) {
                headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
            }
        }

        @Override
        public int onResponseBody(HttpStream stream, byte[] bytes) {
            body.write(bytes, 0, bytes.length);
            return bytes.length;
        }

        @Override
        public void onResponseComplete(HttpStream stream, int errorCode) {
            done.complete(errorCode);
        }
    }
}
