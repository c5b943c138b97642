package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SampleLeaves;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pages tell people to do instead: only the chat apps that are on, and e-mail always. */
class DecisionPagesTest {
    @Test
    void withEMailOnlyThePagesPointToNoChatApp() {
        var pages = new DecisionPages(ZoneOffset.UTC, List.of());
        for (Page page : List.of(pages.tampered(), pages.malformed(), pages.expired(SampleLeaves.pending(), SampleLeaves.DECIDED))) {
            assertFalse(page.html().contains("Slack") || page.html().contains("Teams"), page.html());
            assertTrue(page.html().contains("e-mail"), page.html());
        }
    }

    @Test
    void thePagesNameTheChatAppsThatAreOn() {
        String slackOnly = new DecisionPages(ZoneOffset.UTC, List.of(ChatApp.SLACK)).malformed().html();
        assertTrue(slackOnly.contains("into your browser, or decide in LeaveBot in Slack."), slackOnly);
        assertFalse(slackOnly.contains("Teams"), slackOnly);

        String both = new DecisionPages(ZoneOffset.UTC, List.of(ChatApp.TEAMS, ChatApp.SLACK))
                .expired(SampleLeaves.pending(), SampleLeaves.DECIDED).html();
        assertTrue(both.contains("the newest e-mail about it, or LeaveBot in Slack or Microsoft Teams."), both);
    }

    @Test
    void theConfirmationNamesTheStepAndTheEarlierDecisions() {
        String html = new DecisionPages(ZoneOffset.UTC, List.of()).confirm(SampleLeaves.atSecondStage(), LeaveStatus.APPROVED,
                "t", null, null).html();

        assertTrue(html.contains("You are about to approve this request at step 2 of 2 — HR. Ada Lovelace will be told"), html);
        assertTrue(html.contains("Step 1 — Grace Hopper: approved Mon 5 Jan 2026"), html);
    }

    @Test
    void anApprovalThatDoesNotEndTheRequestSaysWhereItGoesOn() {
        var pages = new DecisionPages(ZoneOffset.UTC, List.of());

        String first = pages.done(SampleLeaves.atFirstOfTwoStages(), SampleLeaves.GRACE, LeaveStatus.APPROVED, null,
                SampleLeaves.DECIDED).html();
        String partly = pages.done(SampleLeaves.partlyApprovedByFinance(), SampleLeaves.IVAN, LeaveStatus.APPROVED, null,
                SampleLeaves.DECIDED).html();
        String last = pages.done(SampleLeaves.atSecondStage(), SampleLeaves.HANA, LeaveStatus.APPROVED, null,
                SampleLeaves.DECIDED).html();

        assertTrue(first.contains("Your approval is recorded, and the request now goes to HR."), first);
        assertFalse(first.contains("Approved by"), "the request is not approved yet: " + first);
        assertTrue(partly.contains("Your approval is recorded; the request waits for the rest of Finance."), partly);
        assertTrue(last.contains("Thank you — you approved the leave</"), last);
    }

    @Test
    void pagesAreSelfContainedAndLookLikeTheWorkspace() {
        String html = new DecisionPages(ZoneOffset.UTC, List.of()).unknownRequest().html();
        assertTrue(html.contains("<style>") && html.contains("#3f0e40") && html.contains("class=\"card\""), html);
        assertFalse(html.contains("<link") || html.contains("src=") || html.contains("url("), "nothing fetched: " + html);
    }
}
