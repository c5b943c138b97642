package io.leavebot.local;

import static io.leavebot.testing.DigestHarness.SLACK_CHANNEL;
import static io.leavebot.testing.DigestHarness.WEDNESDAY;
import static io.leavebot.testing.SampleLeaves.ADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.testing.DigestHarness;
import io.leavebot.workflow.DigestWorkflow;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** When the launcher's scheduler starts the digest, on the test clock (09:00 UTC, Monday to Friday, German holidays). */
class DigestSchedulerTest {
    @RegisterExtension
    final DigestHarness digest = new DigestHarness();

    @Test
    void nothingStartsBeforeTheMorningsTimeAndTheDigestStartsOnceAtIt() {
        digest.approved("l-ada", ADA, WEDNESDAY, WEDNESDAY);
        DigestScheduler scheduler = scheduler();
        assertNull(scheduler.tick()); // 07:00

        digest.setTime(Instant.parse("2026-12-02T09:00:00Z"));
        assertEquals(WEDNESDAY, scheduler.tick());
        digest.setTime(Instant.parse("2026-12-02T09:00:30Z"));
        assertNull(scheduler.tick());
        digest.settle();

        assertEquals(1, digest.slack().postsTo(SLACK_CHANNEL));
        assertEquals(1, digest.teamsPosts().size());
    }

    @Test
    void aRestartAfterAMissedMorningPostsOnceLateAndAnotherRestartNotAgain() {
        digest.crash();
        digest.setTime(Instant.parse("2026-12-02T11:30:00Z")); // down over the morning
        digest.reopen();

        assertEquals(WEDNESDAY, scheduler().tick());
        digest.settle();
        digest.crash();
        digest.reopen();
        scheduler().tick(); // a new process: it does not know the morning was posted, the execution's name does
        digest.settle();

        assertEquals(1, digest.slack().postsTo(SLACK_CHANNEL));
        assertEquals(1, digest.teamsPosts().size());
        assertEquals(1, digest.engine().listExecutions(DigestWorkflow.FUNCTION, ExecutionQuery.all()).executions().size());
    }

    @Test
    void noDigestOnAWeekendOrAPublicHoliday() {
        DigestScheduler scheduler = scheduler();
        digest.setTime(Instant.parse("2026-12-05T10:00:00Z")); // Saturday
        assertNull(scheduler.tick());
        digest.setTime(Instant.parse("2026-12-25T10:00:00Z")); // Friday, Christmas in Germany
        assertNull(scheduler.tick());
        digest.settle();

        assertEquals(0, digest.slack().postsTo(SLACK_CHANNEL));
        assertEquals(0, digest.teamsPosts().size());
    }

    @Test
    void afterChristmasEvesPostTheNextIsTheMondayAfterTheHolidays() {
        // Thu 24 Dec is a working day in Germany; Fri 25 and Sat 26 are holidays, Sun 27 is a Sunday
        assertEquals(Instant.parse("2026-12-28T09:00:00Z"), digest.mornings().next(Instant.parse("2026-12-24T09:00:00Z")));
        assertEquals(Instant.parse("2026-12-24T09:00:00Z"), digest.mornings().next(Instant.parse("2026-12-24T08:59:00Z")));
    }

    private DigestScheduler scheduler() {
        return new DigestScheduler(digest.mornings(), digest.engine(), digest.time());
    }
}
