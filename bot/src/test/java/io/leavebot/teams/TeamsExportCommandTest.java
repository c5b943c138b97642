package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.Person;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code leave calendar} and {@code leave report …} typed to the bot in Teams; Grace is an admin. */
class TeamsExportCommandTest {
    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness().withAdmins(GRACE);

    @BeforeEach
    void bothUseTeams() {
        teams.joinsTeams(GRACE);
        teams.joinsTeams(ADA);
    }

    @Test
    void calendarAnswersWithTheFeedLinksAndRotateWithNewOnes() {
        String first = answer(ADA, "leave calendar");
        String rotated = answer(ADA, "calendar rotate");

        assertTrue(first.contains(LeaveBotHarness.PUBLIC_URL + "/calendar/"), first);
        assertTrue(first.contains("leave calendar rotate makes new ones"), "Teams' own way of typing: " + first);
        assertTrue(rotated.contains("The old ones stopped working just now"), rotated);
    }

    @Test
    void onlyAnAdminGetsAReportLink() {
        String admin = answer(GRACE, "leave report 2027-01");
        String employee = answer(ADA, "leave report 2027-01");

        assertTrue(admin.contains("/reports/leave.csv?from=2027-01-01"), admin);
        assertTrue(employee.contains("Only LeaveBot's admins can download leave reports."), employee);
        assertFalse(employee.contains("/reports/"), employee);
    }

    private String answer(Person who, String text) {
        int before = teams.teams().replies(who).size();
        assertEquals(200, teams.send(teams.requests().message(who, text)).status());
        return TeamsApi.card(teams.teams().replies(who).get(before)).toString();
    }
}
