package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpServer;
import io.leavebot.workspace.People.Member;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people do in the workspace, as LeaveBot receives it: a slash command as Slack's form fields, signed with the
 * signing secret, its ack shown to the person alone; and what Slack says when LeaveBot does not answer in time.
 */
class InteractionsTest {
    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private final People people = People.defaults();
    private final Member sam = people.byId("U0SAM").orElseThrow();
    private final AtomicReference<Map<String, String>> received = new AtomicReference<>();
    private final AtomicReference<String> signatureValid = new AtomicReference<>();
    private HttpServer leaveBot;
    private SlackServer slack;
    private Conversations conversations;
    private Delivery delivery;
    private Interactions interactions;

    @BeforeEach
    void start() throws IOException {
        conversations = new Conversations(dir.resolve("messages.json"), Clock.systemUTC(), people);
        var surfaces = new Surfaces(Clock.systemUTC());
        var responseUrls = new ResponseUrls(Clock.systemUTC(), conversations);
        slack = new SlackServer(new WebApi(Team.generate("Test", "http://127.0.0.1/"), people, conversations, surfaces, new UserGrants(people, Clock.systemUTC())), responseUrls);
        slack.start();
        delivery = new Delivery(SECRET, Clock.systemUTC(), Duration.ofMillis(500));
        interactions = new Interactions(people, conversations, surfaces, responseUrls, slack, delivery, Clock.systemUTC());
        leaveBot = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        leaveBot.start();
    }

    @AfterEach
    void stop() {
        leaveBot.stop(0);
        slack.close();
    }

    @Test
    void commandTextIsEscapedAsSlackEscapesItWithMentionsOfMembersAsUserIds() {
        assertEquals("away 2027-01-11 <@U0PRIYA|priya>", interactions.escaped("away 2027-01-11 @Priya"));
        assertEquals("standin <@U0TOM|tom> tom@example.com @nobody", interactions.escaped("standin @tom tom@example.com @nobody"));
        assertEquals("Kids &amp; &lt;school&gt;", interactions.escaped("Kids & <school>"));
    }

    @Test
    void aCommandReachesLeaveBotSignedAsSlackSignsItAndItsAnswerIsForThePersonAlone() {
        answer(0, "{\"response_type\":\"ephemeral\",\"text\":\"Thank you — your request has been sent.\"}");
        interactions.type(sam, Conversations.GENERAL, "/leave 2027-01-11 Dentist");

        Map<String, String> command = received.get();
        assertEquals("/leave", command.get("command"));
        assertEquals("2027-01-11 Dentist", command.get("text"));
        assertEquals("U0SAM", command.get("user_id"));
        assertEquals(Conversations.GENERAL, command.get("channel_id"));
        assertTrue(command.get("response_url").startsWith("http://127.0.0.1:"), command.get("response_url"));
        assertTrue(command.containsKey("trigger_id"));
        assertEquals("valid", signatureValid.get());
        assertTrue(conversations.seenBy(Conversations.GENERAL, "U0SAM").toString().contains("your request has been sent"));
        assertFalse(conversations.seenBy(Conversations.GENERAL, "U0PRIYA").toString().contains("your request has been sent"));
    }

    @Test
    void whenLeaveBotDoesNotAnswerInTimeOrAtAllSlackSaysSo() {
        answer(2000, "");
        interactions.type(sam, Conversations.GENERAL, "/leave list");
        assertTrue(shownToSam().contains("/leave failed with the error \\\"operation_timeout\\\""), shownToSam());

        leaveBot.stop(0);
        interactions.type(sam, Conversations.GENERAL, "/leave help");
        assertTrue(shownToSam().contains("/leave failed with the error \\\"dispatch_failed\\\""), shownToSam());
    }

    @Test
    void otherCommandsAndMessagesToTheAppAreTurnedAwayAsInSlack() {
        interactions.type(sam, Conversations.GENERAL, "/vacation now");
        assertTrue(shownToSam().contains("/vacation is not a valid command"), shownToSam());
        interactions.type(sam, "DU0SAM", "hello?");
        assertTrue(conversations.seenBy("DU0SAM", "U0SAM").toString().contains("Sending messages to this app has been turned off"));
        interactions.type(sam, Conversations.GENERAL, "Lunch, anyone?");
        assertTrue(conversations.seenBy(Conversations.GENERAL, "U0PRIYA").toString().contains("Lunch, anyone?"));
    }

    private String shownToSam() {
        return conversations.seenBy(Conversations.GENERAL, "U0SAM").toString();
    }

    /** LeaveBot's stand-in: checks the signature, keeps the form fields, waits {@code delayMillis}, answers {@code json}. */
    private void answer(long delayMillis, String json) {
        delivery.sendTo(URI.create("http://127.0.0.1:" + leaveBot.getAddress().getPort() + "/slack/events"));
        leaveBot.createContext("/slack/events", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
            String expected = new SlackSignature.Generator(SECRET).generate(timestamp, body);
            signatureValid.set(expected.equals(exchange.getRequestHeaders().getFirst(SlackSignature.HeaderNames.X_SLACK_SIGNATURE))
                    ? "valid" : "invalid");
            received.set(form(body));
            sleep(delayMillis);
            byte[] answer = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
