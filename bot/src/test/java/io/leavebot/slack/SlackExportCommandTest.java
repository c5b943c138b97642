package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackAppHarness;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /leave calendar}, {@code /leave calendar rotate} and {@code /leave report …} as signed slash commands; Grace is an admin. */
class SlackExportCommandTest {
    private static final Pattern FEED = Pattern.compile(Pattern.quote(LeaveBotHarness.PUBLIC_URL) + "/calendar/([A-Za-z0-9_-]{43})\\.ics");

    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness().withAdmins(GRACE);

    @Test
    void calendarShowsBothLinksOnceAndRotateReplacesThem() {
        String first = reply(ADA, "calendar");
        String again = reply(ADA, "calendar");
        String rotated = reply(ADA, "calendar rotate");

        assertEquals(2, tokens(first).length, first);
        assertTrue(first.contains("Your own leave, with types and reasons: "), first);
        assertTrue(first.contains("Who is out in your team (no types, no reasons): "), first);
        assertTrue(again.startsWith("You have calendar feed links since Mon 5 Jan 2026, 09:00"), again);
        assertTrue(again.contains("type /leave calendar rotate"), again);
        assertEquals(0, tokens(again).length, "a link is never shown twice: " + again);
        var feeds = slack.bot().feeds();
        assertEquals(Optional.empty(), feeds.feed(tokens(first)[0], false), "the old link stopped working");
        assertTrue(feeds.feed(tokens(rotated)[0], false).isPresent());
        assertTrue(rotated.startsWith("Here are your new calendar feed links."), rotated);
    }

    @Test
    void anAdminGetsASignedReportLinkAndAnyoneElseIsRefused() {
        String admin = reply(GRACE, "report 2027-01");
        String employee = reply(ADA, "report 2027-01");
        String tooLong = reply(GRACE, "report 2026-01-01 to 2027-06-30");

        assertTrue(admin.contains(LeaveBotHarness.PUBLIC_URL + "/reports/leave.csv?from=2027-01-01&amp;to=2027-01-31&amp;expires="),
                admin);
        assertTrue(admin.contains("The link works until Tue 6 Jan 2026, 09:00"), admin);
        assertEquals("Only LeaveBot's admins can download leave reports.\nIf you need one for payroll, please ask one of "
                + "them, or whoever runs LeaveBot.", employee);
        assertFalse(employee.contains("/reports/"));
        assertTrue(tooLong.startsWith("A report covers at most 366 days"), tooLong);
    }

    private String reply(io.leavebot.leave.Person who, String text) {
        var ack = slack.sendOk(slack.requests().command(SampleLeaves.slackIdOf(who), text));
        assertEquals("ephemeral", ack.path("response_type").asText(), "a secret link is for the person alone");
        return ack.path("text").asText();
    }

    private static String[] tokens(String text) {
        Matcher m = FEED.matcher(text);
        java.util.List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found.toArray(String[]::new);
    }
}
