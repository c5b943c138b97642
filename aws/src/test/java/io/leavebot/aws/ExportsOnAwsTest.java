package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.email.DecisionLinks;
import io.leavebot.exports.ReportLinks;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Feeds and reports on AWS: Ada makes her feed links with {@code /leave calendar} in the Slack function (on the
 * table's FEED items, as the stack grants it), the API function serves the feed and refuses it once rotated; a
 * report link signed with the secret's link key is served there, a changed one refused; Ada, no admin, gets no
 * report link. The test clock is on Mon 5 Jan 2026.
 */
class ExportsOnAwsTest {
    private static final Pattern FEED = Pattern.compile(Pattern.quote(AwsFunctions.PUBLIC_URL.replaceAll("/$", ""))
            + "(/calendar/[A-Za-z0-9_-]{43}\\.ics)");

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inSlack();

    @Test
    void feedLinksMadeInSlackAreServedByTheApiFunctionUntilRotated() {
        command("2026-01-12 2026-01-16 Family trip");
        String feed = firstFeed(command("calendar"));

        Answer pending = aws.api("GET", feed + "?pending=true", Map.of(), null, false);
        command("calendar rotate");
        Answer rotated = aws.api("GET", feed, Map.of(), null, false);

        assertEquals(200, pending.status(), pending.body());
        assertEquals("text/calendar; charset=utf-8", pending.header("Content-Type"));
        assertTrue(pending.body().contains("SUMMARY:Ada Lovelace: annual leave (pending)"), pending.body());
        assertEquals(404, rotated.status());
        TableGrants.assertGranted(aws, AwsFunctions.SLACK);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:PutItem", LeaveBotNames.FEED_KEY_PREFIX);
        TableGrants.assertMade(aws, AwsFunctions.SLACK, "dynamodb:DeleteItem", LeaveBotNames.FEED_TOKEN_KEY_PREFIX);
        TableGrants.assertGranted(aws, AwsFunctions.API);
    }

    @Test
    void aSignedReportLinkIsServedByTheApiFunctionAndOnlyAdminsGetOne() {
        var links = new ReportLinks(new DecisionLinks(AwsFunctions.LINK_KEY, AwsFunctions.PUBLIC_URL + "decide"),
                AwsFunctions.PUBLIC_URL, aws.time());
        String url = links.link(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)).url();
        String path = url.substring(AwsFunctions.PUBLIC_URL.length() - 1);

        Answer served = aws.api("GET", path, Map.of(), null, false);
        Answer changed = aws.api("GET", path.replace("to=2026-01-31", "to=2026-02-28"), Map.of(), null, false);
        String refused = command("report 2026-01");

        assertEquals(200, served.status(), served.body());
        assertTrue(served.body().startsWith("employee_email,employee_name,type,days_taken"), served.body());
        assertEquals(403, changed.status());
        assertTrue(refused.contains("admins can download leave reports.") && !refused.contains("/reports/"), refused);
    }

    /** {@code /leave text} from Ada, acknowledged; then the engine settles. The ephemeral reply's text. */
    private static String command(String text) {
        Answer ack = aws.slack(aws.slackRequests().command(slackIdOf(ADA), text), false);
        assertEquals(200, ack.status(), ack::body);
        aws.settle();
        return ack.body();
    }

    private static String firstFeed(String reply) {
        Matcher m = FEED.matcher(reply);
        assertTrue(m.find(), reply);
        return m.group(1);
    }
}
