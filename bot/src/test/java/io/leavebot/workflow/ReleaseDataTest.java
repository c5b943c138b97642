package io.leavebot.workflow;

import io.leavebot.testing.SampleLeaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.email.DecisionLinks;
import io.leavebot.email.Verified;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.testing.LeaveBotHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * This version on a data folder written by release 0.1.0 (its README says how it was made): every request,
 * decision and notification is found, the release's e-mail links still verify, and the request that was waiting
 * when LeaveBot was upgraded replays under the new workflow code and completes.
 */
class ReleaseDataTest {
    private static final Path RELEASED = Path.of("src/test/resources/release-data/0.1.0-e221f69");
    /** An hour after the release's requests were made, well inside their three days. */
    private static final Instant UPGRADED_AT = Instant.parse("2026-12-02T07:51:33Z");
    private static final Person GRACE = Person.ofEmail("grace@example.com", "Grace Hopper");
    private static final Person ADA = Person.ofEmail("ada@example.com", null);

    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    @Test
    void everythingTheReleaseRecordedIsFound() throws Exception {
        bot.reopenOnReleasedData(RELEASED, UPGRADED_AT);

        LeaveRequest approved = bot.leave("api-release-approved");
        assertEquals(LeaveStatus.APPROVED, approved.status());
        assertTrue(GRACE.isSameAs(approved.decision().by()));
        assertEquals(ADA, approved.employee(), "known by e-mail");
        // the release's requests came through the API, so there were no Slack ids to move to the address book
        // (SqliteLeaveStoreTest moves some from a copy of this file given the Slack ids 0.1.0 wrote for Slack users)
        assertEquals(Optional.empty(), bot.store().addressOf("slack", ADA));
        assertEquals(Optional.empty(), bot.store().addressOf("slack", GRACE));
        LeaveRequest rejected = bot.leave("api-release-rejected");
        assertEquals(LeaveStatus.REJECTED, rejected.status());
        assertEquals("Sorry, release week", rejected.decision().comment());
        assertEquals(LeaveStatus.PENDING, bot.leave("api-release-waiting").status());
        for (String step : new String[] {"send-receipt", "ask-approver", "tell-employee"}) {
            assertTrue(bot.store().sent("leave-api-release-approved/" + step).isPresent(), step);
        }
        assertTrue(bot.store().sent("leave-api-release-waiting/ask-approver").isPresent());
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("api-release-rejected").status());
        assertEquals(ExecutionStatus.RUNNING, bot.execution("api-release-waiting").status());
    }

    @Test
    void theWaitingRequestCompletesAndItsCallbackIsFoundById() throws Exception {
        bot.reopenOnReleasedData(RELEASED, UPGRADED_AT);
        LeaveRequest waiting = bot.leave("api-release-waiting");
        assertEquals(java.util.Optional.of(waiting.id()), bot.leaves().requestFor(SampleLeaves.callbackOf(waiting)),
                "the migration registered the release's callback");

        LeaveRequests.Answered answered = bot.leaves().answer(waiting.id(), SampleLeaves.callbackOf(waiting), Answer.approve(GRACE, "Enjoy"));
        assertEquals(LeaveRequests.Answered.Result.ACCEPTED, answered.result());
        bot.settle();

        LeaveRequest done = bot.leave("api-release-waiting");
        assertEquals(LeaveStatus.APPROVED, done.status());
        assertEquals("Enjoy", done.decision().comment());
        assertEquals(1, bot.mailTo(ADA, "Your leave is approved").size(), "Ada is told, once");
        bot.advanceTo(done.end().plusDays(1)); // the release's execution goes on into the leave's days, to their end
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("api-release-waiting").status());
        assertEquals("\"APPROVED\"", bot.execution("api-release-waiting").result());
    }

    @Test
    void theWaitingRequestExpiresWhenNobodyAnswersInItsWindow() throws Exception {
        // what UpgradeInPlaceTest expects of the release's waiting request once 2026-12-05 06:51 UTC has passed
        bot.reopenOnReleasedData(RELEASED, UPGRADED_AT);

        bot.advanceTo(LocalDate.of(2026, 12, 6)); // past the release's three days

        assertEquals(LeaveStatus.EXPIRED, bot.leave("api-release-waiting").status());
        assertEquals(1, bot.mailTo(ADA, "Your leave request expired: ").size(), "Ada is told, once");
        assertEquals(ExecutionStatus.SUCCEEDED, bot.execution("api-release-waiting").status());
        assertEquals("\"EXPIRED\"", bot.execution("api-release-waiting").result());
    }

    @Test
    void theReleasesDecisionLinksStillVerify() throws Exception {
        DecisionLinks released = new DecisionLinks(Files.readString(RELEASED.resolve("link-secret")).strip(),
                "http://127.0.0.1:3911/decide");
        String mail;
        try (var files = Files.list(RELEASED.resolve("outbox"))) {
            Path asked = files.filter(f -> f.getFileName().toString().startsWith("leave-api-release-waiting_ask-approver"))
                    .findFirst().orElseThrow();
            mail = Files.readString(asked).replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        }
        Matcher token = Pattern.compile("token=([A-Za-z0-9._-]+\\.approve\\.[A-Za-z0-9._-]+)").matcher(mail);
        assertTrue(token.find(), mail);

        Verified verified = released.verify(token.group(1), UPGRADED_AT);

        assertEquals(Verified.Status.VALID, verified.status());
        assertEquals("api-release-waiting", verified.requestId());
        assertTrue(verified.isFor("whichever-callback-is-open"), "a release link answers the open callback");
    }
}
