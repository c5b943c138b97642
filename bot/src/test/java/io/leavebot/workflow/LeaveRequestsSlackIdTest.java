package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.ALAN;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.testing.LeaveBotHarness;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A routing that names Ada by her Slack user id alone, while Slack shows LeaveBot her e-mail, so the address book
 * keeps her id under it: one person under two keys, whom LeaveRequests treats as one.
 */
class LeaveRequestsSlackIdTest {
    private static final Person ADA_BY_SLACK_ID = Person.ofChatUser("slack", slackIdOf(ADA), "Ada");

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness().withApprover(ADA_BY_SLACK_ID);

    @BeforeEach
    void adaUsedLeaveBotInSlack() {
        bot.store().saveAddress(new ChatAddress("slack", ADA.key(), slackIdOf(ADA), bot.now()));
    }

    @Test
    void anEmployeeKnownByEmailIsNotTheirOwnApproverUnderTheirSlackId() {
        LeaveRequests.Submitted submitted = bot.leaves().submit(submission("r1"));

        assertFalse(submitted.accepted());
        assertTrue(submitted.errors().get(LeaveValidator.APPROVER).startsWith("LeaveBot's routing names you as your own approver"),
                submitted.errors().toString());
    }

    @Test
    void anApproverNamedBySlackIdDecidesWhenSlackKnowsThemByEmail() {
        bot.leaves().submit(new LeaveSubmission("r1", ALAN, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16),
                false, "Family visit"));
        bot.settle();

        assertEquals(LeaveRequests.Answered.Result.ACCEPTED, bot.leaves().answer("r1", Answer.approve(ADA, null)).result());
        bot.settle();

        assertEquals(LeaveStatus.APPROVED, bot.leave("r1").status());
        assertEquals(ADA_BY_SLACK_ID, bot.leave("r1").decision().by());
        assertEquals(LeaveRequests.Answered.Result.NOT_ALLOWED,
                bot.leaves().answer("r1", Answer.approve(Person.ofEmail("eve@example.org", null), null)).result());
    }
}
