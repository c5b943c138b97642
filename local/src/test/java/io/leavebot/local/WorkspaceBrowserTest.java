package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.slack.DecisionButtons;
import io.leavebot.testing.Browser;
import io.leavebot.testing.WorkspacePage;
import io.leavebot.workflow.LeaveRequests;
import java.net.URI;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The local workspace in headless Chromium, with LeaveBot as {@code ./leavebot --fast-clock} starts it when no Slack
 * token is set: the built-in team (Sam asks and is approved by Priya, then by Hana or Omar of HR; Tom is approved by
 * Priya alone; what Priya does not answer in time goes to Dana, by e-mail), every request through LeaveBot's real
 * Slack code and the durable engine. Each test leaves a screenshot of its end under {@code target/screenshots/}.
 * Messages are checked for names, outcomes and buttons rather than whole sentences.
 */
class WorkspaceBrowserTest {
    private static final String SAM = "U0SAM";
    private static final String PRIYA = "U0PRIYA";
    private static final String TOM = "U0TOM";
    private static final String HANA = "U0HANA";
    private static final String OMAR = "U0OMAR";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dir;

    private LocalLauncher.Running leaveBot;
    private WorkspacePage page;
    private final LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);

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
    void aRequestSentFromTheFormIsApprovedAndTheEmployeeSeesTheApproval() {
        page.actAs(TOM).general().type("/leave").awaitModal("Ask for leave");
        page.pickDate("start", monday).pickDate("end", monday.minusDays(1)).write("reason", "Family trip");
        String problem = page.submitForProblem("end");
        assertTrue(problem.contains("before the start date"), problem);
        page.pickDate("end", monday.plusDays(2));
        BROWSER.screenshot("WorkspaceBrowserTest-the-request-form");
        page.submit();
        String general = page.awaitMessage("Your leave request is in");
        assertTrue(general.contains("in your direct messages with LeaveBot") && general.contains("Only visible to you"), general);
        page.messages().awaitMessage("Leave request received");

        page.actAs(PRIYA).messages().awaitMessage("Leave request from Tom Becker");
        page.click(DecisionButtons.APPROVE).awaitMessage("You approved Tom Becker's leave");

        page.actAs(TOM).messages().awaitMessage("Your leave is approved");
        page.awaitHistoryEvent("CallbackSucceeded");
        page.awaitExecution("RUNNING"); // approved leave's execution waits for its first day
        page.awaitExecution("leave APPROVED");
    }

    @Test
    void theFormShowsTheBalanceAndWhatTheChosenDaysLeave() {
        page.actAs(SAM).general().type("/leave").awaitModal("Ask for leave");
        page.choose("type", "annual");
        String before = page.awaitModalText("balance", "of annual leave left");

        page.pickDate("end", monday.plusDays(4)).pickDate("start", monday); // the first preview is of the whole week
        String weekShown = page.awaitModalText("balance", "this request takes");
        Matcher week = previewIn(weekShown);
        page.pickDate("end", monday.plusDays(1));
        Matcher twoDays = previewIn(page.awaitModalText("balance", "a preview for other days",
                shown -> shown.contains("this request takes") && !shown.equals(weekShown)));
        BROWSER.screenshot("WorkspaceBrowserTest-the-balance-in-the-form");

        assertTrue(before.startsWith(week.group(1) + " of " + week.group(2)), before + " / " + week.group());
        assertEquals(Integer.parseInt(week.group(1)) - Integer.parseInt(week.group(3)), Integer.parseInt(week.group(4)), week.group());
        assertEquals(Integer.parseInt(twoDays.group(1)) - Integer.parseInt(twoDays.group(3)), Integer.parseInt(twoDays.group(4)));
        assertTrue(Integer.parseInt(twoDays.group(3)) < Integer.parseInt(week.group(3)), "two days take less than a week");
        assertEquals(monday.plusDays(1).toString(), page.inputValue("end"), "the update keeps what was picked");
    }

    /** "You have 25 of 25 days of annual leave left in 2027; this request takes 5, leaving 20.": 25, 25, 5, 20. */
    private static Matcher previewIn(String line) {
        Matcher m = Pattern.compile("You have (\\d+) of (\\d+) days of annual leave left in \\d{4}.*; this request takes (\\d+), leaving (\\d+)\\.")
                .matcher(line);
        assertTrue(m.find(), line);
        return m;
    }

    @Test
    void aRequestTypedInlineIsRejectedWithAComment() {
        page.actAs(SAM).general().type("/leave " + monday + " " + monday.plusDays(1) + " Conference");
        page.awaitMessage("has been sent to Priya Shah for approval");

        page.actAs(PRIYA).messages().click(DecisionButtons.REJECT_WITH_COMMENT).awaitModal("Reject leave request");
        page.write("comment", "The release is that week; could you go the week after?").submit();
        page.awaitMessage("You rejected Sam Rivera's leave request");

        String seen = page.actAs(SAM).messages().awaitMessage("Your leave request was not approved");
        assertTrue(seen.contains("The release is that week; could you go the week after?"), seen);
        String home = page.home().awaitHome("Rejected by Priya Shah");
        assertTrue(home.contains("The release is that week; could you go the week after?"), "Home shows the comment: " + home);
        page.awaitExecution("leave REJECTED");
    }

    @Test
    void anApproverSaysWhenTheyAreAwayWithAnAtMentionOfTheirStandIn() {
        page.actAs(PRIYA).general().type("/leave away " + monday + " " + monday.plusDays(4) + " @tom");
        String saved = page.awaitMessage("Tom Becker decides on leave requests for you then");
        assertTrue(saved.contains("/leave away cancel " + monday), saved);

        page.type("/leave away");
        page.awaitMessage("Your away periods:");
    }

    @Test
    void aRequestSamsManagerApprovesGoesToHrWhereHanaApprovesItAndSamIsToldEachStep() {
        page.actAs(SAM).general().type("/leave " + monday + " " + monday.plusDays(4) + " Climbing trip");
        page.actAs(PRIYA).messages().awaitButton(DecisionButtons.APPROVE);
        page.click(DecisionButtons.APPROVE).awaitNoButton(DecisionButtons.APPROVE);

        String moved = page.actAs(SAM).messages().awaitNewestMessage("approved");
        assertTrue(moved.contains("Priya Shah") && moved.contains("HR"), "who approved the first step, and who has it now: " + moved);
        assertTrue(page.actAs(OMAR).messages().awaitButton(DecisionButtons.APPROVE).contains("Sam Rivera"));
        assertTrue(page.actAs(HANA).messages().awaitButton(DecisionButtons.APPROVE).contains("Sam Rivera"));
        page.click(DecisionButtons.APPROVE).awaitNoButton(DecisionButtons.APPROVE);

        assertTrue(page.actAs(SAM).messages().awaitNewestMessage("Hana Ito").contains("approved"));
        assertTrue(page.home().awaitHome("Hana Ito").contains("Approved"));
        page.actAs(OMAR).messages().awaitNoButton(DecisionButtons.APPROVE); // one of HR decides for HR
        page.awaitExecution("leave APPROVED");
    }

    @Test
    void whilePriyaIsAwayTomDecidesForHerTheRequestsWaitingAndTheNewOnes() {
        page.actAs(SAM).general().type("/leave " + monday + " Dentist");
        page.actAs(PRIYA).messages().awaitButton(DecisionButtons.APPROVE);
        LocalDate today = LocalDate.now(); // the fast clock has not moved
        page.general().type("/leave away " + today + " " + today.plusDays(5) + " @tom").awaitMessage("Tom Becker");
        String old = page.messages().awaitNoButton(DecisionButtons.APPROVE);
        assertTrue(old.contains("Sam Rivera") && old.contains("Tom Becker"), "the request, without buttons, says who has it: " + old);
        page.actAs(TOM).messages().awaitButton(DecisionButtons.APPROVE);

        page.actAs(SAM).general().type("/leave " + monday.plusWeeks(1) + " " + monday.plusWeeks(1).plusDays(1) + " Wedding");
        page.actAs(TOM).messages().awaitMessage("Wedding");
        page.click(DecisionButtons.APPROVE); // the newest: the wedding
        String moved = page.actAs(SAM).messages().awaitNewestMessage("approved");
        assertTrue(moved.contains("Tom Becker") && moved.contains("HR"), "Tom decided the first step: " + moved);
        String home = page.home().awaitHome("Dentist");
        assertTrue(home.contains("Tom Becker") && home.contains("Priya Shah"), "the dentist's request waits on Tom for Priya: " + home);
        page.actAs(PRIYA).messages().awaitNoButton(DecisionButtons.APPROVE);

        var wedding = leaveBot.store().listByEmployee(Person.ofEmail("sam@example.com", null)).stream()
                .filter(l -> "Wedding".equals(l.reason())).findFirst().orElseThrow().chain().stage(1);
        assertEquals(List.of("priya@example.com", "tom@example.com", "tom@example.com"), List.of(wedding.approvers().get(0).approver().email(),
                wedding.approvers().get(0).standIn().email(), wedding.decision().by().email()), "the approver, who stood in, who decided");
    }

    @Test
    void aRequestPriyaLeavesUnansweredEscalatesToDanaWhoApprovesItByEMail() {
        page.actAs(TOM).general().type("/leave " + monday + " " + monday.plusDays(1) + " Moving house");
        page.actAs(PRIYA).messages().awaitButton(DecisionButtons.APPROVE);

        page.skip("P1D").skip("P1D").skip("P1D").skip("PT1H");
        String approve = page.openEmail("Tom Becker").stream().filter(link -> link.contains("approve")).findFirst().orElseThrow();
        assertTrue(page.awaitHistoryEvent("StepSucceeded").contains("escalate"), "the escalate step in the history");
        BROWSER.driver().get(localPath(approve));
        BROWSER.driver().findElement(By.cssSelector("button.approve")).click();
        BROWSER.await("the decision page's answer", d -> d.findElements(By.cssSelector("button.approve")).isEmpty());

        page = WorkspacePage.open(BROWSER, leaveBot.web().uri());
        assertTrue(page.actAs(TOM).messages().awaitNewestMessage("approved").contains("Dana Kim"));
        page.actAs(PRIYA).messages().awaitNoButton(DecisionButtons.APPROVE);
        page.awaitExecution("leave APPROVED");
    }

    @Test
    void anUnansweredRequestEscalatesThenExpiresWhenTimeMovesOnAndBothSidesSeeIt() {
        page.actAs(TOM).general().type("/leave " + monday + " Dentist");
        page.actAs(PRIYA).messages().awaitMessage("Leave request from Tom Becker");

        page.skip("P1D").skip("P1D").skip("P1D").skip("PT1H");
        page.openEmail("Tom Becker"); // Dana is asked: her window is three days too
        page.skip("P1D").skip("P1D").skip("P1D").skip("PT1H");
        page.awaitMessage("Tom Becker's leave request expired"); // its reminders too: LeaveWorkflowChatTest
        page.messages().awaitNoButton(DecisionButtons.APPROVE);
        page.actAs(TOM).messages().awaitMessage("Your leave request expired");
        page.awaitExecution("leave EXPIRED");
    }

    @Test
    void theEmployeeWithdrawsAWaitingRequestOnHome() {
        page.actAs(SAM).general().type("/leave " + monday + " " + monday.plusDays(4) + " Moving house");
        page.actAs(PRIYA).messages().awaitMessage("Leave request from Sam Rivera");

        page.actAs(SAM).home().awaitHome("Your leave requests");
        page.click("withdraw-request").confirm();
        String home = page.awaitHome("Withdrawn by Sam Rivera");
        assertFalse(home.contains("Waiting for"), "the row says withdrawn at once, without opening Home again: " + home);

        page.actAs(PRIYA).messages().awaitMessage("Sam Rivera withdrew the leave request");
    }

    @Test
    void theExecutionsPanelShowsTheNewestFiftyAndOlderOnesOnRequest() {
        for (int i = 0; i <= 50; i++) { // not leave requests: their input is not one, so each fails at once
            leaveBot.engine().start(LeaveRequests.FUNCTION, LeaveRequest.executionNameFor("bulk-" + i), "\"no leave\"");
        }
        page.awaitExecutionsShown(50);
        page.showOlderExecutions();
        page.awaitExecutionsShown(51);
    }

    @Test
    void anApproverOutsideTheWorkspaceDecidesThroughTheLinkInTheOutbox() {
        page.actAs(PRIYA).general().type("/leave " + monday + " " + monday.plusDays(1) + " Parents' visit");
        String approve = page.openEmail("Leave request from Priya Shah").stream().filter(link -> link.contains("approve"))
                .findFirst().orElseThrow();

        BROWSER.driver().get(localPath(approve));
        BROWSER.screenshot("WorkspaceBrowserTest-the-decision-page");
        BROWSER.driver().findElement(By.cssSelector("button.approve")).click();
        BROWSER.await("the decision page's thanks", d -> d.getPageSource().contains("you approved the leave"));

        page = WorkspacePage.open(BROWSER, leaveBot.web().uri());
        page.actAs(PRIYA).messages().awaitMessage("Your leave is approved");
    }

    @Test
    void theLinkOfAnExpiredRequestOpensAPageInTheWorkspacesLookThatSaysItExpired() {
        page.actAs(PRIYA).general().type("/leave " + monday + " Dentist");
        String approve = page.openEmail("Leave request from Priya Shah").stream().filter(link -> link.contains("approve"))
                .findFirst().orElseThrow();
        page.skip("P1D").skip("P1D").skip("P1D").skip("PT1H");
        page.messages().awaitMessage("Your leave request expired");

        BROWSER.driver().get(localPath(approve));
        String shown = BROWSER.await("the page", d -> d.findElement(By.cssSelector(".card")).getText());
        assertTrue(shown.contains("This request has expired") && shown.contains("because nobody decided it in time"), shown);
        assertFalse(shown.contains("already been decided"), shown);
        assertEquals("rgba(53, 13, 54, 1)", BROWSER.driver().findElement(By.tagName("header")).getCssValue("background-color"),
                "the workspace's aubergine bar");
        assertTrue(BROWSER.driver().findElement(By.tagName("body")).getCssValue("font-family").startsWith("-apple-system"));
    }

    @Test
    void aClickFromSomeoneWhoIsNotTheApproverIsRefusedAndChangesNothing() {
        page.actAs(SAM).general().type("/leave " + monday + " " + monday.plusDays(2) + " Hiking");
        page.actAs(TOM).lookIn(PRIYA).awaitMessage("Leave request from Sam Rivera");

        page.click(DecisionButtons.APPROVE);
        String seen = page.awaitMessage("Only the approver of this request can approve or reject it");
        assertTrue(seen.contains("Only visible to you"), seen);

        String priya = page.actAs(PRIYA).messages().awaitMessage("Leave request from Sam Rivera");
        assertFalse(priya.contains("approved"), priya);
        page.awaitExecution("RUNNING");
        page.actAs(TOM).lookIn(PRIYA).awaitMessage("Only the approver of this request can approve or reject it");
    }

    /** An e-mail's link, on this test's server (the links name the port LeaveBot would use by default). */
    private String localPath(String link) {
        URI uri = URI.create(link);
        return leaveBot.web().uri().resolve(uri.getRawPath() + "?" + uri.getRawQuery()).toString();
    }
}
