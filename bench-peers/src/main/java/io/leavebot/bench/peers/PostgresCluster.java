package io.leavebot.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A private PostgreSQL cluster in a temporary directory, on a free port of 127.0.0.1, with the server's default
 * settings (fsync on, synchronous_commit on); stopped and deleted on close. As root it runs as the user postgres,
 * since PostgreSQL refuses to run as root.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "postgres";

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final Path log;
    private final int port;

    PostgresCluster(Path bin) throws IOException, InterruptedException {
        if (!Files.isExecutable(bin.resolve("initdb"))) {
            throw new IllegalArgumentException("no PostgreSQL initdb in " + bin + " (apt-get install -y postgresql)");
        }
        this.bin = bin;
        dir = Files.createTempDirectory("leavebot-peers-pg");
        data = dir.resolve("data");
        log = dir.resolve("postgres.log");
        Files.createFile(log);
        port = Commands.freePort();
        if (asRoot()) {
            Commands.run(List.of("chown", "-R", USER, dir.toString()), log);
        }
        Commands.run(asServerUser(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER,
                "--auth=trust", "--no-sync", "-E", "UTF8")), log);
        Commands.run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                log.toString(), "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                        + " -c max_connections=200", "start")), log);
    }

    /** Creates a database; with {@code synchronousCommit} false its commits return before their WAL is flushed. */
    String createDatabase(String name, boolean synchronousCommit) throws IOException, InterruptedException {
        psql("CREATE DATABASE " + name);
        if (!synchronousCommit) {
            psql("ALTER DATABASE " + name + " SET synchronous_commit = off");
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** The postmaster's process id: its children are the backends that do DBOS's work. */
    long serverProcess() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    }

    String version() throws IOException, InterruptedException {
        Path out = dir.resolve("version.txt");
        Commands.run(List.of(bin.resolve("postgres").toString(), "--version"), out);
        return Files.readString(out).trim();
    }

    private void psql(String sql) throws IOException, InterruptedException {
        Commands.run(asServerUser(List.of(bin.resolve("psql").toString(), "-h", "127.0.0.1", "-p",
                Integer.toString(port), "-U", USER, "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql)), log);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", USER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    @Override
    public void close() throws IOException {
        try {
            Commands.run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m",
                    "fast", "-w", "stop")), log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the server", e);
        } finally {
            Commands.deleteTree(dir);
        }
    }
}
