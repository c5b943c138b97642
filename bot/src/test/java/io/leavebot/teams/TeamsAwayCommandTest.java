package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.AwayPeriod;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code leave away …} typed to the bot in Teams, the stand-in named by e-mail; the test clock is on Mon 5 Jan 2026. */
class TeamsAwayCommandTest {
    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness();

    @BeforeEach
    void graceUsesTeams() {
        teams.joinsTeams(GRACE);
    }

    @Test
    void awayWithAnEmailAddressSavesThePeriodAndTheListShowsIt() {
        String saved = answer("leave away 2026-01-12 to 2026-01-16 alan@example.org");
        String listed = answer("away");

        assertTrue(saved.contains("You are away from Mon 12 Jan 2026 to Fri 16 Jan 2026. alan@example.org decides"), saved);
        List<AwayPeriod> periods = teams.bot().away().list(GRACE);
        assertEquals(1, periods.size());
        assertTrue(ALAN.isSameAs(periods.get(0).standIn()));
        assertEquals(LocalDate.of(2026, 1, 16), periods.get(0).to());
        assertTrue(listed.contains("Mon 12 Jan 2026 – Fri 16 Jan 2026: alan@example.org decides"), listed);
    }

    @Test
    void aStandInThatIsNoAddressIsRefusedAndNothingIsSaved() {
        String refused = answer("leave away 2026-01-12 Alan");

        assertTrue(refused.contains("LeaveBot cannot tell who \\\"Alan\\\" is. Nothing was changed."), refused);
        assertEquals(List.of(), teams.bot().away().list(GRACE));
    }

    @Test
    void standinByAddressAndCancelWork() {
        answer("leave standin alan@example.org");
        answer("leave away 2026-01-12 alan@example.org");
        String cancelled = answer("leave away cancel 2026-01-12");

        assertTrue(teams.bot().away().standIn(GRACE).orElseThrow().isSameAs(ALAN));
        assertTrue(cancelled.contains("is cancelled"), cancelled);
        assertEquals(List.of(), teams.bot().away().list(GRACE));
    }

    /** The text of the card that answers Grace's message. */
    private String answer(String text) {
        int before = teams.teams().replies(GRACE).size();
        assertEquals(200, teams.send(teams.requests().message(GRACE, text)).status());
        return TeamsApi.card(teams.teams().replies(GRACE).get(before)).toString();
    }
}
