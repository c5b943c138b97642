package io.leavebot.local;

import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar bot/target/leavebot.jar}: LeaveBot on one machine. Today it runs the embedded durable engine
 * (state in {@code LEAVEBOT_DATA_DIR}/leavebot.db) and serves the Lambda durable API on loopback, so the AWS CLI
 * or SDK can drive it. The leave workflow and the Slack front end register here as they land.
 *
 * <p>Settings (environment): {@code LEAVEBOT_DATA_DIR} (default {@code ./leavebot-data}),
 * {@code LEAVEBOT_BIND_ADDRESS} (default 127.0.0.1), {@code LEAVEBOT_DURABLE_PORT} (default 9014).
 */
public final class LocalLauncher {
    private LocalLauncher() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = Path.of(setting("LEAVEBOT_DATA_DIR", "leavebot-data"));
        Files.createDirectories(dataDir);
        int port = port(setting("LEAVEBOT_DURABLE_PORT", "9014"));
        InetAddress bind = InetAddress.getByName(setting("LEAVEBOT_BIND_ADDRESS", "127.0.0.1"));

        EmbeddedEngine engine = EmbeddedEngine.builder(dataDir.resolve("leavebot.db")).build().start();
        DurableRestServer api = DurableRestServer.builder(engine).address(bind).port(port).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            engine.close();
        }, "leavebot-shutdown"));
        System.out.println("LeaveBot is running.");
        System.out.println("  durable executions: " + dataDir.resolve("leavebot.db").toAbsolutePath());
        System.out.println("  Lambda durable API: " + api.uri() + "  (e.g. aws lambda get-durable-execution --endpoint-url " + api.uri() + " …)");
        System.out.println("Stop with Ctrl+C; every execution resumes where it was on the next start.");
    }

    private static String setting(String name, String otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        System.err.println("LEAVEBOT_DURABLE_PORT must be a port number (0-65535), but was '" + value + "'");
        System.exit(64);
        return -1;
    }
}
