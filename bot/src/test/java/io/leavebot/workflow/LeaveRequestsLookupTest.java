package io.leavebot.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.store.SqliteLeaveStore;
import java.nio.file.Path;
import io.leavebot.testing.LeaveBotHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Looking a request up in the moment after it was submitted and before its workflow recorded it. */
class LeaveRequestsLookupTest {
    private static final Person ADA = Person.ofEmail("ada@example.com", "Ada");
    private static final Person GRACE = Person.ofEmail("grace@example.com", "Grace");

    /** Stands in for a workflow that has not reached its first step yet: it only waits. */
    public static class NotYetRecording extends DurableHandler<NewLeave, String> {
        @Override
        public String handleRequest(NewLeave input, DurableContext ctx) {
            return ctx.createCallback("hold", String.class).get();
        }
    }

    @TempDir
    Path dir;

    @Test
    void aSubmittedRequestIsFoundAsPendingBeforeItsWorkflowRecordsIt() {
        var clock = new TestClock();
        try (var engine = EmbeddedEngine.builder(dir.resolve("engine.db")).clock(clock).build();
                var store = new SqliteLeaveStore(dir.resolve("leaves.db"))) {
            engine.register(LeaveRequests.FUNCTION, new NotYetRecording()).start();
            Clock today = Clock.fixed(clock.now(), ZoneOffset.UTC);
            var leaves = new LeaveRequests(store, engine, LeaveRequests.FUNCTION, new LeaveValidator(LeavePolicy.DEFAULT), ApproverRouting.single(GRACE),
                    store, LeaveBotHarness.balances(LeaveBotHarness.BALANCES, store, today), Set.of(), today);
            LocalDate start = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(14);
            assertTrue(leaves.submit(new LeaveSubmission("r1", ADA, "annual", start, start.plusDays(1), false, "trip")).accepted());
            assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));

            LeaveRequest found = leaves.get("r1").orElseThrow();
            assertEquals(LeaveStatus.PENDING, found.status());
            assertEquals(GRACE, found.chain().firstApprover());
            assertEquals(start, found.start());
            assertTrue(store.get("r1").isEmpty(), "not recorded yet: the answer came from the running workflow");
            assertTrue(leaves.get("never-submitted").isEmpty());
        }
    }
}
