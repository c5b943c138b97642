package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.slack.DecisionButtons;
import io.leavebot.testing.Browser;
import io.leavebot.testing.WorkspacePage;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workspace's team calendar panel in headless Chromium, with LeaveBot as {@code ./leavebot --fast-clock} starts
 * it: Tom asks Priya for a Monday and Tuesday two weeks on; his colleague Sam sees him out, pending then approved,
 * without the reason; Priya, who approves it, sees the reason. The built-in team has no teams in its routing, so
 * everyone is one group.
 */
class WorkspaceCalendarBrowserTest {
    private static final String SAM = "U0SAM";
    private static final String PRIYA = "U0PRIYA";
    private static final String TOM = "U0TOM";
    private static final String TOMS_KEY = "tom@example.com";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dir;

    private LocalLauncher.Running leaveBot;
    private WorkspacePage page;
    private final LocalDate thisMonday = LocalDate.now().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private final LocalDate monday = thisMonday.plusWeeks(2);

    @BeforeEach
    void startLeaveBot() throws Exception {
        leaveBot = LocalLauncher.run(Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_FAST_CLOCK", "true")));
        page = WorkspacePage.open(BROWSER, leaveBot.web().uri());
    }

    @AfterEach
    void stopLeaveBot() {
        leaveBot.close();
    }

    @Test
    void aColleagueSeesLeavePendingThenApprovedWithoutItsReasonAndTheApproverWithIt() {
        page.actAs(TOM).general().type("/leave " + monday + " " + monday.plusDays(1) + " Family trip");
        page.awaitMessage("has been sent to Priya Shah for approval");

        page.actAs(SAM).calendar(4);
        int first = (int) ChronoUnit.DAYS.between(thisMonday, monday);
        String pending = page.awaitCalendarMarks(TOMS_KEY, marks -> marks.size() == 28
                && marks.subList(first, first + 2).equals(List.of("pending", "pending")));
        assertTrue(pending.contains("Tom Becker: ") && pending.contains("out (pending)"), pending);
        assertFalse(pending.contains("Family trip"), "a colleague sees no reason: " + pending);
        BROWSER.screenshot("WorkspaceCalendarBrowserTest-pending");

        page.actAs(PRIYA).messages().click(DecisionButtons.APPROVE).awaitMessage("You approved Tom Becker's leave");
        page.actAs(SAM).calendar(4);
        String approved = page.awaitCalendarMarks(TOMS_KEY, m -> m.subList(first, first + 2).equals(List.of("out", "out")));
        assertFalse(approved.contains("(pending)"), approved);

        page.actAs(PRIYA).calendar(4);
        String priyas = page.awaitCalendar("Family trip");
        assertTrue(priyas.contains("annual leave"), priyas);
        BROWSER.screenshot("WorkspaceCalendarBrowserTest-the-approver");
    }

    @Test
    void thisWeekShowsItsSevenDaysWithTheWeekendMarked() {
        page.actAs(SAM).calendar(1);

        String shown = page.awaitCalendar("Nobody you can see is out");
        assertTrue(shown.contains("This week") && shown.contains("Next 4 weeks"), shown);
    }
}
