package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackSettings;
import io.leavebot.slack.SlackWebApi;
import io.leavebot.testing.EngineTime;
import io.leavebot.testing.MemoryAddressBook;
import io.leavebot.testing.SampleLeaves;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's stand-in for Slack's Web API, called with Slack's own SDK (as LeaveBot calls it): each method LeaveBot
 * uses answers in Slack's shape, which the SDK parses into its response types, and refuses with Slack's error codes;
 * LeaveBot's {@link SlackChatChannel} and {@link SlackPeople} work against it as against Slack.
 */
class WorkspaceWebApiTest {
    private static final String SAM = "U0SAM";
    private static final String PRIYA = "U0PRIYA";

    @TempDir
    Path dir;

    private final AtomicReference<Instant> slackTime = new AtomicReference<>(Instant.parse("2026-11-02T09:00:00Z"));
    private final People people = People.defaults();
    private final Team team = Team.generate("Test team", "http://127.0.0.1/");
    private Conversations conversations;
    private Surfaces surfaces;
    private ResponseUrls responseUrls;
    private SlackServer server;
    private MethodsClient slack;

    @BeforeEach
    void startStandIn() {
        var clock = new EngineTime(slackTime::get);
        conversations = new Conversations(dir.resolve("messages.json"), clock, people);
        surfaces = new Surfaces(clock);
        responseUrls = new ResponseUrls(clock, conversations);
        server = new SlackServer(new WebApi(team, people, conversations, surfaces, new UserGrants(people, Clock.systemUTC())), responseUrls);
        server.start();
        slack = sdk().methods(team.botToken());
    }

    @AfterEach
    void stopStandIn() {
        server.close();
    }

    @Test
    void authTestNamesTheTeamAndTheBot() throws Exception {
        var answer = ok(slack.authTest(r -> r));
        assertEquals(Team.TEAM_ID, answer.getTeamId());
        assertEquals(Team.BOT_USER, answer.getUserId());
        assertEquals(Team.BOT_ID, answer.getBotId());
    }

    @Test
    void aWrongTokenIsInvalidAuthAndNoTokenIsNotAuthed() throws Exception {
        assertEquals("invalid_auth", sdk().methods("xoxb-not-the-workspaces").authTest(r -> r).getError());
        assertEquals("invalid_auth", sdk().methods("xoxb-not-the-workspaces").chatPostMessage(r -> r.channel(SAM).text("hi")).getError());
        var noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.apiUrl().resolve("users.info"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("user=" + SAM))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"ok\":false,\"error\":\"not_authed\"}", noToken.body());
    }

    @Test
    void conversationsOpenGivesTheAppsDirectMessageWithAMember() throws Exception {
        assertEquals("DU0SAM", ok(slack.conversationsOpen(r -> r.users(List.of(SAM)))).getChannel().getId());
        var again = ok(slack.conversationsOpen(r -> r.users(List.of(SAM))));
        assertTrue(again.isAlreadyOpen());
        assertEquals("user_not_found", slack.conversationsOpen(r -> r.users(List.of("U0NOBODY"))).getError());
        assertEquals("users_list_not_supplied", slack.conversationsOpen(r -> r).getError());
    }

    @Test
    void chatPostMessagePostsIntoAConversationAndRefusesOneThatDoesNotExist() throws Exception {
        var posted = ok(slack.chatPostMessage(r -> r.channel("DU0SAM").text("Hello Sam")));
        assertEquals("DU0SAM", posted.getChannel());
        assertEquals("Hello Sam", posted.getMessage().getText());
        var reply = ok(slack.chatPostMessage(r -> r.channel(SAM).threadTs(posted.getTs()).text("A reply, by user id")));
        assertEquals("DU0SAM", reply.getChannel());
        assertEquals(posted.getTs(), conversations.find("DU0SAM", reply.getTs()).orElseThrow().path("thread_ts").asText());

        assertEquals("channel_not_found", slack.chatPostMessage(r -> r.channel("C0NOWHERE").text("hi")).getError());
        assertEquals("no_text", slack.chatPostMessage(r -> r.channel("DU0SAM")).getError());
    }

    @Test
    void chatUpdateReplacesTheBotsMessage() throws Exception {
        String ts = ok(slack.chatPostMessage(r -> r.channel("DU0PRIYA").text("Please decide"))).getTs();
        var updated = ok(slack.chatUpdate(r -> r.channel("DU0PRIYA").ts(ts).text("Decided")));
        assertEquals("Decided", updated.getMessage().getText());
        assertEquals("Decided", conversations.find("DU0PRIYA", ts).orElseThrow().path("text").asText());

        assertEquals("message_not_found", slack.chatUpdate(r -> r.channel("DU0PRIYA").ts("1.000001").text("x")).getError());
        assertEquals("channel_not_found", slack.chatUpdate(r -> r.channel("C0NOWHERE").ts(ts).text("x")).getError());
    }

    @Test
    void chatPostEphemeralIsSeenByOnePersonOnly() throws Exception {
        assertNotNull(ok(slack.chatPostEphemeral(r -> r.channel(Conversations.GENERAL).user(SAM).text("Only for Sam"))).getMessageTs());
        assertTrue(conversations.seenBy(Conversations.GENERAL, SAM).toString().contains("Only for Sam"));
        assertFalse(conversations.seenBy(Conversations.GENERAL, PRIYA).toString().contains("Only for Sam"));

        assertEquals("channel_not_found", slack.chatPostEphemeral(r -> r.channel("C0NOWHERE").user(SAM).text("x")).getError());
        assertEquals("user_not_found", slack.chatPostEphemeral(r -> r.channel(Conversations.GENERAL).user("U0NOBODY").text("x")).getError());
    }

    @Test
    void viewsOpenNeedsATriggerIdThatIsFreshAndUnused() throws Exception {
        String trigger = surfaces.trigger(SAM);
        var opened = ok(slack.viewsOpen(r -> r.triggerId(trigger).view(modal("First"))));
        assertEquals("modal", opened.getView().getType());
        assertEquals(opened.getView().getId(), surfaces.modalOf(SAM).orElseThrow().path("id").asText());

        assertEquals("exchanged_trigger_id", slack.viewsOpen(r -> r.triggerId(trigger).view(modal("Again"))).getError());
        assertEquals("invalid_trigger_id", slack.viewsOpen(r -> r.triggerId("1.2.3").view(modal("Forged"))).getError());
        String late = surfaces.trigger(SAM);
        slackTime.set(slackTime.get().plusSeconds(Surfaces.TRIGGER_SECONDS + 1));
        assertEquals("expired_trigger_id", slack.viewsOpen(r -> r.triggerId(late).view(modal("Late"))).getError());
    }

    @Test
    void viewsUpdateReplacesAnOpenModalUnlessItsHashIsStale() throws Exception {
        View opened = ok(slack.viewsOpen(r -> r.triggerId(surfaces.trigger(SAM)).view(modal("First")))).getView();
        var updated = ok(slack.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash()).view(modal("Second"))));
        assertEquals("Second", updated.getView().getTitle().getText());

        assertEquals("hash_conflict", slack.viewsUpdate(r -> r.viewId(opened.getId()).hash(opened.getHash()).view(modal("Third"))).getError());
        assertEquals("not_found", slack.viewsUpdate(r -> r.viewId("V0NONE").view(modal("Fourth"))).getError());
    }

    @Test
    void viewsPublishSetsAMembersHomeTab() throws Exception {
        View home = View.builder().type("home").blocks(List.of()).build();
        assertEquals("home", ok(slack.viewsPublish(r -> r.userId(PRIYA).view(home))).getView().getType());
        assertTrue(surfaces.homeOf(PRIYA).isPresent());
        assertEquals("invalid_arguments", slack.viewsPublish(r -> r.userId("U0NOBODY").view(home)).getError());
    }

    @Test
    void usersInfoAndLookupByEmailDescribeAMemberAndKnowNobodyElse() throws Exception {
        var info = ok(slack.usersInfo(r -> r.user(SAM))).getUser();
        assertEquals("Sam Rivera", info.getProfile().getRealName());
        assertEquals("sam@example.com", info.getProfile().getEmail());
        assertEquals(PRIYA, ok(slack.usersLookupByEmail(r -> r.email("Priya@example.com"))).getUser().getId());

        assertEquals("user_not_found", slack.usersInfo(r -> r.user("U0NOBODY")).getError());
        assertEquals("users_not_found", slack.usersLookupByEmail(r -> r.email("dana@example.com")).getError());
    }

    @Test
    void leaveBotsSlackChannelTalksToTheWorkspaceAsToSlack() {
        var leaveBots = SlackWebApi.at(server.apiUrl().toString()).withToken(team.botToken());
        var people = new SlackPeople(leaveBots, new MemoryAddressBook(), new EngineTime(slackTime::get), Duration.ofMinutes(10));
        var chat = new SlackChatChannel(leaveBots, people, new NotificationTexts(ZoneOffset.UTC));
        Person priya = Person.ofEmail("priya@example.com", "Priya Shah");
        assertTrue(chat.canReach(priya));
        assertFalse(chat.canReach(Person.ofEmail("dana@example.com", "Dana Kim"))); // users_not_found: e-mail instead
        assertEquals("Sam Rivera", people.person(SAM).name());

        var approval = new Notification(Notification.Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0, List.of());
        String ref = chat.deliver(priya, approval, null);
        assertTrue(ref.startsWith("DU0PRIYA"), ref);
        assertTrue(conversations.seenBy("DU0PRIYA", PRIYA).toString().contains("Approve"));
    }

    @Test
    void aResponseUrlAnswersOnePersonOrReplacesTheMessageFiveTimesAtMost() throws Exception {
        String ts = ok(slack.chatPostMessage(r -> r.channel("DU0PRIYA").text("Please decide"))).getTs();
        String url = server.responseUrl(responseUrls.issue("DU0PRIYA", PRIYA, ts));
        assertEquals(200, post(url, "{\"response_type\":\"ephemeral\",\"text\":\"Only you see this\"}").statusCode());
        assertTrue(conversations.seenBy("DU0PRIYA", PRIYA).toString().contains("Only you see this"));
        assertEquals(200, post(url, "{\"replace_original\":true,\"text\":\"Replaced\"}").statusCode());
        assertEquals("Replaced", conversations.find("DU0PRIYA", ts).orElseThrow().path("text").asText());
        for (int i = 3; i <= ResponseUrls.USES; i++) {
            post(url, "{\"text\":\"again\"}");
        }
        var used = post(url, "{\"text\":\"once too often\"}");
        assertEquals(404, used.statusCode());
        assertTrue(used.body().contains("used_url"), used.body());
    }

    private com.slack.api.Slack sdk() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(server.apiUrl().toString());
        return SlackSettings.sdk(config);
    }

    private static View modal(String title) {
        return View.builder().type("modal").callbackId("test").title(com.slack.api.model.view.ViewTitle.builder().type("plain_text")
                .text(title).build()).blocks(List.of()).build();
    }

    private static <R extends SlackApiTextResponse> R ok(R response) {
        assertTrue(response.isOk(), "Slack answered " + response.getError());
        return response;
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
