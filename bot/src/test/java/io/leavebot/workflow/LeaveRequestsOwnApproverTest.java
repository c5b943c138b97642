package io.leavebot.workflow;

import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.submission;
import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.testing.LeaveBotHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A routing that names the employee by their Slack user id names the employee: nobody approves their own leave. */
class LeaveRequestsOwnApproverTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness().withApprover(Person.ofChatUser("slack", slackIdOf(ADA), "Ada"));

    @Test
    void anEmployeeKnownByEmailIsNotTheirOwnApproverUnderTheirSlackId() {
        bot.store().saveAddress(new ChatAddress("slack", ADA.key(), slackIdOf(ADA), bot.now()));

        LeaveRequests.Submitted submitted = bot.leaves().submit(submission("r1"));

        assertFalse(submitted.accepted());
        assertTrue(submitted.errors().get(LeaveValidator.APPROVER).startsWith("LeaveBot's routing names you as your own approver"),
                submitted.errors().toString());
    }
}
