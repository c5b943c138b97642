package io.leavebot.slack;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.testing.SlackApi;
import io.leavebot.testing.SlackAppHarness;
import io.leavebot.testing.SlackRequests;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The "Away" part of App Home: the periods with Cancel, and the form that declares one; the clock is on 5 Jan 2026. */
class SlackAwayHomeTest {
    private static final LocalDate JAN_12 = LocalDate.of(2026, 1, 12);

    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void homeListsThePeriodsWithACancelButtonAndTheButtonToAddOne() {
        slack.bot().away().declare(GRACE, JAN_12, JAN_12.plusDays(4), ALAN);
        slack.sendOk(slack.requests().appHomeOpened(SampleLeaves.slackIdOf(GRACE)));

        String home = slack.publishedHome().toString();
        assertTrue(home.contains("• Mon 12 Jan 2026 – Fri 16 Jan 2026: Alan Turing decides"), home);
        JsonNode buttons = buttons(slack.publishedHome());
        assertEquals(List.of(AwayHome.DECLARE, AwayHome.CANCEL), buttons.findValuesAsText("action_id"));
        assertEquals("2026-01-12", buttons.get(1).path("value").asText());
    }

    @Test
    void addOpensTheFormWhoseSubmissionSavesThePeriodAndSaysSoOnHome() {
        slack.sendOk(slack.requests().clickOnHome(SampleLeaves.slackIdOf(GRACE), AwayHome.DECLARE, null));
        JsonNode form = SlackApi.json(slack.slack().calls("views.open").get(0), "view");
        assertEquals(List.of(AwayHome.FROM, AwayHome.TO, AwayHome.STAND_IN), form.path("blocks").findValuesAsText("block_id"));

        JsonNode ack = slack.sendOk(submit("2026-01-12", "2026-01-16", SampleLeaves.slackIdOf(ALAN)));

        assertTrue(ack.isEmpty(), ack.toString());
        assertTrue(slack.bot().away().actingFor(GRACE, JAN_12).orElseThrow().isSameAs(ALAN));
        assertTrue(slack.publishedHome().toString().contains("You are away from Mon 12 Jan 2026 to Fri 16 Jan 2026."));
    }

    @Test
    void problemsShowUnderTheirFieldsAndNothingIsSaved() {
        JsonNode ack = slack.sendOk(submit("2026-01-02", "2026-01-01", SampleLeaves.slackIdOf(GRACE)));

        assertEquals("errors", ack.path("response_action").asText());
        assertTrue(ack.at("/errors/" + AwayHome.FROM).asText().contains("in the past"), ack.toString());
        assertTrue(ack.at("/errors/" + AwayHome.TO).asText().contains("before the first"), ack.toString());
        assertTrue(ack.at("/errors/" + AwayHome.STAND_IN).asText().contains("yourself"), ack.toString());
        assertEquals(List.of(), slack.bot().away().list(GRACE));
    }

    @Test
    void cancelOnHomeCancelsThePeriodAndSaysSo() {
        slack.bot().away().declare(GRACE, JAN_12, JAN_12, ALAN);

        slack.sendOk(slack.requests().clickOnHome(SampleLeaves.slackIdOf(GRACE), AwayHome.CANCEL, "2026-01-12"));

        assertTrue(slack.publishedHome().toString().contains("Your away period starting Mon 12 Jan 2026 is cancelled"));
        assertEquals(List.of(), slack.bot().away().list(GRACE));
    }

    private SlackRequests.Signed submit(String from, String to, String standInUserId) {
        ObjectNode values = SlackRequests.date(SlackRequests.date(SlackRequests.values(), AwayHome.FROM, from), AwayHome.TO, to);
        values.putObject(AwayHome.STAND_IN).putObject(AwayHome.STAND_IN).put("type", "users_select")
                .put("selected_user", standInUserId);
        return slack.requests().viewSubmission(SampleLeaves.slackIdOf(GRACE), "V0AWAY1", AwayHome.CALLBACK_ID, "", values);
    }

    private static JsonNode buttons(JsonNode home) {
        for (JsonNode block : home.path("blocks")) {
            if (block.path("type").asText().equals("actions") && block.toString().contains(AwayHome.DECLARE)) {
                return block.path("elements");
            }
        }
        throw new AssertionError("no away buttons on " + home);
    }
}
