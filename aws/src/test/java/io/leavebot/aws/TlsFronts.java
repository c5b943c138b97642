package io.leavebot.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of the plain-HTTP stand-ins, so that a handler's fresh JVM ({@link LeanJar}) reaches every service over
 * HTTPS as a Lambda function does, and pays what that costs: the trust store read, the TLS code loaded, a handshake per
 * host. Each front listens on 127.0.0.1, ends TLS with a key made for this run ({@code keytool}, EC P-256, for
 * 127.0.0.1) and passes the bytes on to its stand-in unchanged. The JVMs trust it through a copy of the JDK's own
 * {@code cacerts} with the front's certificate added ({@link #jvmOptions}), as large as the trust store they read on
 * Lambda, and the CRT ({@code CrtHttps}) through the same certificates as a PEM file ({@link #environment}), as large
 * as the system's bundle it reads there.
 */
final class TlsFronts {
    private static final String PASSWORD = "changeit";

    private final Path keyStore;
    private final Path trustStore;
    private final Path trustPem;
    private final SSLContext context;
    private final Map<String, URI> fronts = new ConcurrentHashMap<>();

    TlsFronts(Path folder) {
        keyStore = folder.resolve("front.p12");
        trustStore = folder.resolve("trust.jks");
        trustPem = folder.resolve("trust.pem");
        Path certificate = folder.resolve("front.cer");
        try {
            keytool("-genkeypair", "-alias", "front", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                    "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", PASSWORD);
            keytool("-exportcert", "-alias", "front", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                    "-file", certificate.toString());
            Files.copy(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts"), trustStore,
                    StandardCopyOption.REPLACE_EXISTING);
            keytool("-importcert", "-noprompt", "-alias", "leavebot-test-front", "-file", certificate.toString(),
                    "-keystore", trustStore.toString(), "-storepass", PASSWORD);
            writePem(trustStore, trustPem);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, PASSWORD.toCharArray());
            }
            KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            managers.init(keys, PASSWORD.toCharArray());
            context = SSLContext.getInstance("TLS");
            context.init(managers.getKeyManagers(), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("no TLS front key: " + e.getMessage(), e);
        }
    }

    /** What a handler's JVM needs to trust the fronts (and every public CA the JDK trusts). */
    List<String> jvmOptions() {
        return List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
    }

    /** What a handler's environment needs for the CRT to trust the fronts (and every public CA the JDK trusts). */
    Map<String, String> environment() {
        return Map.of(CrtHttps.CERTIFICATES, trustPem.toString());
    }

    /** Every certificate of the key store {@code from} into {@code to}, PEM-encoded, one after the other. */
    private static void writePem(Path from, Path to) throws IOException, java.security.GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(from)) {
            store.load(in, PASSWORD.toCharArray());
        }
        var encoder = java.util.Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (String alias : java.util.Collections.list(store.aliases())) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(encoder.encodeToString(store.getCertificate(alias).getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(to, pem);
    }

    /**
     * {@code settings} with each service's address ({@code AWS_ENDPOINT_URL_<SERVICE>}, or one of {@code endpoints})
     * that is plain HTTP on this machine replaced by its TLS front's; everything else (links people get) as it is.
     */
    Map<String, String> overTls(Map<String, String> settings, java.util.Set<String> endpoints) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.replaceAll((name, value) -> (name.startsWith("AWS_ENDPOINT_URL") || endpoints.contains(name))
                && (value.startsWith("http://127.0.0.1:") || value.startsWith("http://localhost:"))
                ? front(URI.create(value)).toString() : value);
        return changed;
    }

    /** The front of the stand-in at {@code plain} (one per host and port, started the first time), with the same path. */
    private URI front(URI plain) {
        URI front = fronts.computeIfAbsent(plain.getHost() + ":" + plain.getPort(), target -> start(plain.getHost(), plain.getPort()));
        return URI.create("https://127.0.0.1:" + front.getPort() + plain.getRawPath()
                + (plain.getRawQuery() == null ? "" : "?" + plain.getRawQuery()));
    }

    private URI start(String host, int port) {
        try {
            SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon("tls-front-" + port, () -> {
                while (true) {
                    Socket client = server.accept();
                    Socket standIn = new Socket(host, port);
                    // a stand-in writes an answer's headers and body apart: held back by Nagle's algorithm until the
                    // handler acknowledges the first part, the second would wait out its delayed ACK (40 ms)
                    client.setTcpNoDelay(true);
                    standIn.setTcpNoDelay(true);
                    daemon("tls-front-in-" + port, () -> pipe(client.getInputStream(), standIn.getOutputStream(), client, standIn));
                    daemon("tls-front-out-" + port, () -> pipe(standIn.getInputStream(), client.getOutputStream(), client, standIn));
                }
            });
            return URI.create("https://127.0.0.1:" + server.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(InputStream from, OutputStream to, Socket... both) throws IOException {
        try {
            from.transferTo(to);
        } finally {
            for (Socket socket : both) {
                socket.close(); // one side done: the exchange is over for both
            }
        }
    }

    private interface Loop {
        void run() throws IOException;
    }

    private static void daemon(String name, Loop loop) {
        Thread thread = new Thread(() -> {
            try {
                loop.run();
            } catch (IOException e) {
                // a closed connection or stand-in: the front's part in it is over
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for keytool", e);
        }
    }
}
