package io.leavebot.workflow;

import static io.leavebot.testing.DigestHarness.SLACK_CHANNEL;
import static io.leavebot.testing.DigestHarness.WEDNESDAY;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.testing.DigestHarness;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.TeamsApi;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The who's-out digest end to end: the embedded engine, SQLite, Slack and Teams on WireMock. */
class DigestWorkflowTest {
    @RegisterExtension
    final DigestHarness digest = new DigestHarness();

    @Test
    void postsWhoIsOutTodayAndThisWeekByTeamWithoutTypesOrReasons() {
        digest.approved("l-ada", ADA, WEDNESDAY.minusDays(2), WEDNESDAY.plusDays(2));
        digest.approved("l-grace", GRACE, WEDNESDAY.plusDays(1), WEDNESDAY.plusDays(6));
        digest.pending("l-alan", ALAN, WEDNESDAY.plusDays(2), WEDNESDAY.plusDays(2), true);
        digest.approved("l-bea", BEA, WEDNESDAY, WEDNESDAY);
        digest.approved("l-next-week", ADA, WEDNESDAY.plusDays(7), WEDNESDAY.plusDays(8));

        assertEquals("2", digest.runDigest(WEDNESDAY).result());

        Map<String, String> post = onlySlackPost();
        assertEquals(List.of("Who is out on Wed 2 Dec 2026",
                "*Design*\n_Later this week_\n• Grace Hopper — out from Thu 3 Dec, back Wed 9 Dec",
                "*Platform*\n• Ada Lovelace — out, back Mon 7 Dec\n_Also later this week_\n"
                        + "• Alan Turing — out (half day) (pending) from Fri 4 Dec, back Mon 7 Dec",
                "*No team*\n• Bea Baker — out, back Thu 3 Dec"), texts(SlackApi.json(post, "blocks")));
        JsonNode card = TeamsApi.card(digest.teamsPosts().get(0));
        String cardText = card.path("body").toString();
        assertTrue(cardText.indexOf("Design") < cardText.indexOf("Grace Hopper") && cardText.indexOf("Grace Hopper") < cardText.indexOf("Platform"), cardText);
        for (String secret : List.of("Secret surgery", "annual", "Annual")) {
            assertFalse(post.toString().contains(secret), post.toString());
            assertFalse(cardText.contains(secret), cardText);
        }
    }

    @Test
    void whenNobodyIsOutItSaysSoAllTheSame() {
        digest.approved("l-old", ADA, WEDNESDAY.minusDays(10), WEDNESDAY.minusDays(1));

        digest.runDigest(WEDNESDAY);

        assertEquals(List.of("Who is out on Wed 2 Dec 2026", "Nobody is out on Wed 2 Dec 2026 or later that week."),
                texts(SlackApi.json(onlySlackPost(), "blocks")));
        assertEquals(1, digest.teamsPosts().size());
    }

    @Test
    void aSecondStartTheSameDayPostsNothingTwice() {
        digest.approved("l-ada", ADA, WEDNESDAY, WEDNESDAY);
        var first = digest.runDigest(WEDNESDAY);

        var again = DigestMornings.start(digest.engine(), DigestWorkflow.FUNCTION, WEDNESDAY);
        digest.settle();

        assertTrue(again.alreadyStarted());
        assertEquals(first.durableExecutionArn(), again.durableExecutionArn());
        assertEquals(1, digest.slack().postsTo(SLACK_CHANNEL));
        assertEquals(1, digest.teamsPosts().size());
    }

    /** As on AWS, where a day's digest may start twice (by hand, or a name reused once the first has closed). */
    @Test
    void anotherExecutionForTheSameDayFindsItClaimedAndPostsNothing() {
        digest.runDigest(WEDNESDAY);

        var other = digest.engine().start(DigestWorkflow.FUNCTION, "digest-by-hand", "{\"day\":\"" + WEDNESDAY + "\"}");
        var ended = digest.engine().awaitClosed(other.durableExecutionArn(), java.time.Duration.ofSeconds(20));

        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        assertEquals("0", ended.result());
        assertEquals(1, digest.slack().postsTo(SLACK_CHANNEL));
        assertEquals(1, digest.teamsPosts().size());
    }

    @Test
    void aSlackOutageIsRetriedAndPostsOnceItIsBack() {
        digest.slack().answerStatus("chat.postMessage", 503);
        var started = DigestMornings.start(digest.engine(), DigestWorkflow.FUNCTION, WEDNESDAY);
        digest.settle();
        assertEquals(1, digest.teamsPosts().size());
        assertEquals(ExecutionStatus.RUNNING, digest.engine().getExecution(started.durableExecutionArn()).status());

        digest.slack().answer("chat.postMessage", "{\"ok\":true,\"channel\":\"" + SLACK_CHANNEL + "\",\"ts\":\"1764666000.000100\"}");
        digest.setTime(digest.now().plus(java.time.Duration.ofMinutes(16)));
        digest.settle();

        assertEquals(ExecutionStatus.SUCCEEDED, digest.engine().getExecution(started.durableExecutionArn()).status());
        assertEquals(1, digest.teamsPosts().size());
        assertEquals(2, digest.slack().postsTo(SLACK_CHANNEL)); // the refused one, and the one that went through
    }

    @Test
    void aCrashWhileSlackIsDownPostsEachChannelOnceAfterTheRestart() {
        digest.slack().answerStatus("chat.postMessage", 429); // rate limited, with a JSON body
        var started = DigestMornings.start(digest.engine(), DigestWorkflow.FUNCTION, WEDNESDAY);
        digest.settle();
        digest.crash();

        digest.slack().answer("chat.postMessage", "{\"ok\":true,\"channel\":\"" + SLACK_CHANNEL + "\",\"ts\":\"1764666000.000100\"}");
        digest.setTime(digest.now().plus(java.time.Duration.ofHours(1)));
        digest.reopen();
        var ended = digest.engine().awaitClosed(started.durableExecutionArn(), java.time.Duration.ofSeconds(20));

        assertEquals(ExecutionStatus.SUCCEEDED, ended.status());
        assertEquals(1, digest.teamsPosts().size());
        assertEquals(1, digest.slack().answers("chat.postMessage").stream().filter(a -> a.path("ok").asBoolean()).count());
    }

    private Map<String, String> onlySlackPost() {
        List<Map<String, String>> posts = digest.slack().calls("chat.postMessage");
        assertEquals(1, posts.size(), posts.toString());
        assertEquals(SLACK_CHANNEL, posts.get(0).get("channel"));
        return posts.get(0);
    }

    /** Each block's text. */
    private static List<String> texts(JsonNode blocks) {
        return StreamSupport.stream(blocks.spliterator(), false).map(b -> b.path("text").path("text").asText()).toList();
    }
}
