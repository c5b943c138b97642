package io.leavebot.local;

import org.junit.jupiter.api.extension.RegisterExtension;
import java.util.List;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.logging.LoggedSecrets;
import io.leavebot.logging.LogLines;
import static io.leavebot.testing.Eventually.await;
import static io.leavebot.testing.Eventually.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.testing.SlackApi;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local launcher with Slack over Socket Mode: {@code apps.connections.open} (WireMock) hands out the address
 * of a WebSocket server that plays Slack — it says hello, sends envelopes shaped like Slack's, and reads the acks.
 */
class LocalSocketModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APP_TOKEN = "xapp-1-A0LEAVEBOT-1-0123456789abcdef";

    @TempDir
    Path dir;

    private final SlackApi slack = new SlackApi().member("U0ADA", "ada@example.com", "Ada Lovelace")
            .member("U0GRACE", "grace@example.com", "Grace Hopper");
    private final SocketModeSlack socket = new SocketModeSlack();
    @RegisterExtension
    final CapturedLogs ownRecords = new CapturedLogs();

    @AfterEach
    void stop() throws InterruptedException {
        socket.stop(1000);
        slack.close();
    }

    @Test
    void commandsAndClicksArriveOverTheWebSocketAndAreAcked() throws Exception {
        socket.start();
        socket.started.await(5, TimeUnit.SECONDS);
        slack.answer("apps.connections.open", "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=t-1\"}");
        var settings = Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0", "LEAVEBOT_DURABLE_PORT", "0",
                "LEAVEBOT_APPROVER_EMAIL", "grace@example.com", "SLACK_BOT_TOKEN", SlackApi.BOT_TOKEN, "SLACK_APP_TOKEN", APP_TOKEN,
                "SLACK_API_URL", slack.baseUrl() + "/api/"));
        try (var running = LocalLauncher.run(settings)) {
            assertTrue(socket.connected.await(10, TimeUnit.SECONDS), "LeaveBot did not connect over Socket Mode");
            assertEquals("Bearer " + APP_TOKEN, slack.calls("apps.connections.open").get(0).get("_authorization"));

            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
            JsonNode ack = socket.send("slash_commands", command("U0ADA", monday + " " + monday.plusDays(1) + " Conference"));
            assertTrue(ack.path("payload").path("text").asText().startsWith("Leave request received"), "the ack answers the command: " + ack);

            String approve = await(() -> slack.buttonValue("DU0GRACE", DecisionButtons.APPROVE), "the approval DM to Grace");
            socket.send("interactive", click("U0GRACE", approve));
            awaitTrue(() -> slack.postsTo("DU0ADA") >= 2, "the outcome DM to Ada");
        }
    }

    /** Issue 16's secrets test for Socket Mode: with DEBUG on, a command whose user lookup fails at Slack. */
    @Test
    void withDebugOnAFailedCommandLogsNoTokenAndNoEnvelope() throws Exception {
        socket.start();
        socket.started.await(5, TimeUnit.SECONDS);
        slack.answer("apps.connections.open", "{\"ok\":true,\"url\":\"ws://127.0.0.1:" + socket.getPort() + "/link/?ticket=t-1\"}");
        slack.answerStatus("users.info", 500);
        Map<String, String> values = Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_APPROVER_EMAIL", "grace@example.com", "SLACK_BOT_TOKEN", SlackApi.BOT_TOKEN, "SLACK_APP_TOKEN", APP_TOKEN,
                "SLACK_API_URL", slack.baseUrl() + "/api/");
        List<String> written;
        try (var logs = LogLines.readable(Map.of("LEAVEBOT_LOG_LEVEL", "DEBUG"))) {
            try (var running = LocalLauncher.run(Settings.of(values))) {
                assertTrue(socket.connected.await(10, TimeUnit.SECONDS), "LeaveBot did not connect over Socket Mode");
                socket.send("slash_commands", command("U0ADA", "list " + LoggedSecrets.BODY_MARKER));
            }
            LoggedSecrets.logCanary(LoggedSecrets.of(values));
            written = logs.lines();
        }
        assertTrue(written.stream().anyMatch(line -> line.contains("users.info answered HTTP 500")), String.join("\n", written));
        LoggedSecrets.assertDebugAndCanary(written);
        LoggedSecrets.assertNone("the lines written", written, LoggedSecrets.of(values));
        LoggedSecrets.assertNone("LeaveBot's own records", ownRecords.lines(), LoggedSecrets.of(values));
    }

    private ObjectNode command(String user, String text) {
        return JSON.createObjectNode().put("token", "gIkuvaNzQIHg97ATvDxqgjtO").put("team_id", SlackApi.TEAM)
                .put("team_domain", "leavebot-test").put("channel_id", "C2147483705").put("channel_name", "general")
                .put("user_id", user).put("user_name", user.toLowerCase()).put("command", "/leave").put("text", text)
                .put("api_app_id", "A0LEAVEBOT").put("is_enterprise_install", "false")
                .put("response_url", slack.responseUrl()).put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
    }

    private ObjectNode click(String user, String value) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0LEAVEBOT")
                .put("token", "Shh_its_a_seekrit").put("trigger_id", "13345224609.738474921.8088930838d88f008e0")
                .put("response_url", slack.responseUrl());
        payload.putObject("team").put("id", SlackApi.TEAM).put("domain", "leavebot-test");
        payload.putObject("user").put("id", user).put("username", user.toLowerCase()).put("team_id", SlackApi.TEAM);
        payload.putObject("container").put("type", "message").put("message_ts", "1767603600.000200").put("channel_id", "D" + user);
        payload.putObject("channel").put("id", "D" + user).put("name", "directmessage");
        payload.putArray("actions").addObject().put("type", "button").put("block_id", "decide")
                .put("action_id", DecisionButtons.APPROVE).put("value", value).put("action_ts", "1767603601.913402");
        return payload;
    }



    /** Slack's side of one Socket Mode connection: hello on connect, envelopes out, acks in. */
    private static final class SocketModeSlack extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch connected = new CountDownLatch(1);
        private final BlockingQueue<JsonNode> acks = new LinkedBlockingQueue<>();
        private volatile WebSocket client;
        private int envelopes;

        SocketModeSlack() {
            super(new InetSocketAddress("127.0.0.1", 0));
            setReuseAddr(true);
        }

        /** Sends one envelope and returns LeaveBot's ack of it. */
        JsonNode send(String type, ObjectNode payload) throws InterruptedException {
            String id = "env-" + (++envelopes);
            ObjectNode envelope = JSON.createObjectNode().put("envelope_id", id).put("type", type).put("accepts_response_payload", true);
            envelope.set("payload", payload);
            client.send(envelope.toString());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode ack = acks.poll(100, TimeUnit.MILLISECONDS);
                if (ack != null && id.equals(ack.path("envelope_id").asText())) {
                    return ack;
                }
            }
            throw new AssertionError("no ack of " + type + " envelope " + id);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            client = conn;
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"applink-test\",\"approximate_connection_time\":18060},"
                    + "\"connection_info\":{\"app_id\":\"A0LEAVEBOT\"}}");
            connected.countDown();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            try {
                acks.add(JSON.readTree(message));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("LeaveBot sent something that is not JSON: " + message, e);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }
    }

}
