package io.leavebot.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The process plumbing shared by the harnesses that run an npm stand-in from the tools the build installs in
 * {@code tools/} ({@code -Dleavebot.tools.dir}): finding its executable, a free loopback port, starting it with its
 * output in a log file, waiting for a line in that log, and stopping it with its descendants.
 */
final class NpmTool {
    /** A further readiness condition checked while waiting for the log line. */
    @FunctionalInterface
    interface Check {
        boolean ready() throws InterruptedException;
    }

    /** Whether a just-started tool serves at {@code endpoint}, waiting a while for it. */
    @FunctionalInterface
    interface Readiness {
        boolean awaited(Process process, Path log, URI endpoint) throws IOException, InterruptedException;
    }

    /** A started tool: its process, its log and where it listens; closing stops it and deletes the log. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Path log;
        private final URI endpoint;

        private Running(Process process, Path log, URI endpoint) {
            this.process = process;
            this.log = log;
            this.endpoint = endpoint;
        }

        URI endpoint() {
            return endpoint;
        }

        @Override
        public void close() {
            stop(process);
            log.toFile().delete();
        }
    }

    private NpmTool() {
    }

    /**
     * Starts {@code name} from the tools folder on a free loopback port (its arguments from {@code arguments}, given
     * the port) and waits until {@code ready}; a port another program took meanwhile is retried with another, three
     * times in all.
     *
     * @param what says what readiness was awaited, for the failure's message
     */
    static Running startOnFreePort(String name, Function<Integer, List<String>> arguments, Readiness ready, String what)
            throws IOException, InterruptedException {
        Path executable = executable(name);
        Path log = Files.createTempFile(name, ".log");
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(arguments.apply(port));
            Process process = start(log, command);
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            if (ready.awaited(process, log, endpoint)) {
                return new Running(process, log, endpoint);
            }
            stop(process);
            if (attempt == 3) {
                String output = Files.readString(log);
                log.toFile().delete();
                throw new IllegalStateException(name + " did not start on " + endpoint + " (" + what + "); its output:\n" + output);
            }
        }
    }

    /** {@code node_modules/.bin/<name>} under the tools folder, or a failure that says how to install it. */
    static Path executable(String name) {
        String tools = System.getProperty("leavebot.tools.dir");
        Path bin = tools == null ? null : Path.of(tools, "node_modules", ".bin", name);
        if (bin == null || !Files.isExecutable(bin)) {
            throw new IllegalStateException(name + " is not installed"
                    + (bin == null ? " (the system property leavebot.tools.dir is not set)" : ": " + bin + " is missing")
                    + ". Run `npm ci` in tools/ (the Maven build does it before the tests), "
                    + "and run the tests through Maven so that -Dleavebot.tools.dir points at tools/.");
        }
        return bin;
    }

    /** A loopback port free right now (another program may still take it before the tool binds it). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts {@code command} with its standard output and error going to {@code log}. */
    static Process start(Path log, List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Whether the log shows {@code line} before {@code timeout} passes or the process ends. */
    static boolean awaitLine(Process process, Path log, String line, Duration timeout, Duration poll)
            throws IOException, InterruptedException {
        return awaitLine(process, log, line, timeout, poll, () -> true);
    }

    /**
     * Whether the log shows {@code line} and {@code check} holds, both at once, before {@code timeout} passes or the
     * process ends; polled every {@code poll}.
     */
    static boolean awaitLine(Process process, Path log, String line, Duration timeout, Duration poll, Check check)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.readString(log).contains(line) && check.ready()) {
                return true;
            }
            Thread.sleep(poll.toMillis());
        }
        return false;
    }

    /** Stops the process and its descendants, forcibly if they have not ended within five seconds; null is a no-op. */
    static void stop(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
