package io.leavebot.slack;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import io.leavebot.testing.SlackAppHarness;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /leave away …} and {@code /leave standin …}, as signed slash commands; the test clock is on Mon 5 Jan 2026. */
class SlackAwayCommandTest {
    private static final LocalDate JAN_12 = LocalDate.of(2026, 1, 12);
    private static final LocalDate JAN_16 = LocalDate.of(2026, 1, 16);

    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void awayWithDatesAndAMentionSavesThePeriodWithTheMentionedStandIn() {
        String text = reply("away 2026-01-12 2026-01-16 <@" + SampleLeaves.slackIdOf(ALAN) + "|alan.turing>");

        assertTrue(text.startsWith("You are away from Mon 12 Jan 2026 to Fri 16 Jan 2026. Alan Turing decides on leave "
                + "requests for you then"), text);
        assertTrue(text.contains("type /leave away cancel 2026-01-12."), text);
        List<AwayPeriod> periods = slack.bot().away().list(GRACE);
        assertEquals(1, periods.size());
        assertTrue(ALAN.isSameAs(periods.get(0).standIn()));
        assertEquals(JAN_16, periods.get(0).to());
        assertTrue(GRACE.isSameAs(slack.bot().awayChanged().get(0)), "the hook heard whose calendar changed");
    }

    @Test
    void aMissingStandInAndBadDatesAreNamedAndNothingIsSaved() {
        String noStandIn = reply("away 2026-01-12 2026-01-16");
        String badDate = reply("away 2026-01-32 <@" + SampleLeaves.slackIdOf(ALAN) + ">");
        String past = reply("away 2026-01-02 2026-01-03 <@" + SampleLeaves.slackIdOf(ALAN) + ">");

        assertTrue(noStandIn.contains("Please name your stand-in"), noStandIn);
        assertTrue(noStandIn.contains("For example: /leave away 2026-01-12 2026-01-16 @colleague"), noStandIn);
        assertTrue(badDate.contains("first day you are away"), badDate);
        assertTrue(past.contains("2026-01-02, is in the past"), past);
        assertEquals(List.of(), slack.bot().away().list(GRACE));
        assertEquals(List.of(), slack.bot().awayChanged());
    }

    @Test
    void aStandInSlackDoesNotKnowOrAnUnescapedNameIsRefused() {
        String unknown = reply("away 2026-01-12 <@U0NOBODY|ghost>");
        String plain = reply("away 2026-01-12 @alan");

        assertTrue(unknown.startsWith("LeaveBot cannot tell who \"&lt;@U0NOBODY|ghost&gt;\" is. Nothing was changed."),
                unknown);
        assertTrue(plain.contains("Please @mention your stand-in"), plain);
        assertEquals(List.of(), slack.bot().away().list(GRACE));
    }

    @Test
    void youCannotStandInForYourself() {
        String text = reply("away 2026-01-12 <@" + SampleLeaves.slackIdOf(GRACE) + ">");

        assertTrue(text.contains("You cannot stand in for yourself"), text);
        assertEquals(List.of(), slack.bot().away().list(GRACE));
    }

    @Test
    void awayAloneListsThePeriodsAndCancelRemovesOne() {
        slack.bot().away().declare(GRACE, JAN_12, JAN_16, ALAN);

        String list = reply("away");
        String cancelled = reply("away cancel 2026-01-12");
        String again = reply("away cancel 2026-01-12");

        assertTrue(list.contains("• Mon 12 Jan 2026 – Fri 16 Jan 2026: Alan Turing decides (to cancel: /leave away "
                + "cancel 2026-01-12)"), list);
        assertTrue(list.contains("Nobody stands in for you while you are on approved leave"), list);
        assertTrue(cancelled.startsWith("Your away period starting Mon 12 Jan 2026 is cancelled"), cancelled);
        assertTrue(again.startsWith("You have no away period starting Mon 12 Jan 2026. Nothing was changed."), again);
        assertEquals(List.of(), slack.bot().away().list(GRACE));
    }

    @Test
    void standinNamesTheStandingStandInAndNoneClearsIt() {
        String set = reply("standin <@" + SampleLeaves.slackIdOf(ALAN) + "|alan>");
        Optional<Person> named = slack.bot().away().standIn(GRACE);
        String listed = reply("standin");
        String cleared = reply("standin none");

        assertTrue(set.startsWith("Alan Turing now decides on leave requests for you while you are on approved leave"), set);
        assertTrue(named.isPresent() && ALAN.isSameAs(named.get()));
        assertTrue(listed.contains("While you are on approved leave, Alan Turing decides for you."), listed);
        assertTrue(cleared.startsWith("Nobody stands in for you now"), cleared);
        assertEquals(Optional.empty(), slack.bot().away().standIn(GRACE));
    }

    @Test
    void helpTellsOfAwayAndStandin() {
        String help = reply("help");

        assertTrue(help.contains("/leave away 2026-01-12 2026-01-16 @colleague — you are away those days"), help);
        assertTrue(help.contains("/leave standin @colleague (or none)"), help);
    }

    private String reply(String text) {
        var ack = slack.sendOk(slack.requests().command(SampleLeaves.slackIdOf(GRACE), text));
        assertEquals("ephemeral", ack.path("response_type").asText());
        return ack.path("text").asText();
    }
}
