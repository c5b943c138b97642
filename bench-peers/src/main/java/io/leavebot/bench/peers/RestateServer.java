package io.leavebot.bench.peers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Restate server (the binary npm's {@code @restatedev/restate-server} ships) as one node in a temporary
 * directory, all its ports on 127.0.0.1, with its default durability (its log server fsyncs its RocksDB WAL);
 * stopped and deleted on close.
 */
final class RestateServer implements AutoCloseable {
    private final Path dir;
    private final Path log;
    private final Process process;
    private final String ingress;
    private final String admin;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    RestateServer(Path binary) throws IOException, InterruptedException {
        if (!Files.isExecutable(binary)) {
            throw new IllegalArgumentException("no Restate server at " + binary
                    + " (bench/run peers installs it with npm into bench-peers/node_modules)");
        }
        dir = Files.createTempDirectory("leavebot-peers-restate");
        log = dir.resolve("restate.log");
        int ingressPort = Commands.freePort();
        int adminPort = Commands.freePort();
        int fabricPort = Commands.freePort();
        ingress = "http://127.0.0.1:" + ingressPort;
        admin = "http://127.0.0.1:" + adminPort;
        Path config = dir.resolve("restate.toml");
        Files.writeString(config, String.join("\n",
                "cluster-name = \"leavebot-bench\"",
                "disable-telemetry = true",
                "listen-mode = \"tcp\"",
                "log-filter = \"warn\"",
                "log-disable-ansi-codes = true",
                "bind-address = \"127.0.0.1:" + fabricPort + "\"",
                "advertised-address = \"http://127.0.0.1:" + fabricPort + "\"",
                "[ingress]",
                "bind-address = \"127.0.0.1:" + ingressPort + "\"",
                "[admin]",
                "bind-address = \"127.0.0.1:" + adminPort + "\"",
                "disable-web-ui = true",
                ""));
        process = new ProcessBuilder(binary.toString(), "--no-logo", "--config-file", config.toString(),
                "--base-dir", dir.resolve("data").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitHealthy(admin + "/health");
        awaitHealthy(ingress + "/restate/health");
    }

    long serverProcess() {
        return process.pid();
    }

    String ingress() {
        return ingress;
    }

    String version(Path binary) throws IOException, InterruptedException {
        Path out = dir.resolve("version.txt");
        Commands.run(List.of(binary.toString(), "--version"), out);
        return Files.readString(out).trim();
    }

    /** Tells the server about the SDK endpoint at {@code uri}, as {@code restate deployments register} does. */
    void registerDeployment(String uri) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(admin + "/deployments"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"uri\": \"" + uri + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Restate refused the deployment " + uri + ": " + response.statusCode()
                    + " " + response.body());
        }
    }

    private void awaitHealthy(String url) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Restate server exited " + process.exitValue() + ":\n"
                        + Commands.tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the Restate server did not answer " + url + " within 60 s:\n"
                + Commands.tail(log));
    }

    @Override
    public void close() throws IOException {
        try {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server", e);
        } finally {
            Commands.deleteTree(dir);
        }
    }
}
