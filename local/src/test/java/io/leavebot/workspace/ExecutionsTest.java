package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.LeaveRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executions panel's data: every execution reachable page by page, each beside its leave's status. */
class ExecutionsTest {
    /** Stands in for the leave workflow: done at once, as the real one is once the leave is decided. */
    public static class Done extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String input, DurableContext ctx) {
            return input;
        }
    }

    @TempDir
    Path dir;

    @Test
    void moreThanAPageOfExecutionsArePagedAndEachShowsItsLeavesStatus() {
        int count = Executions.PAGE + 5;
        Map<String, LeaveRequest> leaves = Map.of(
                "r1", SampleLeaves.decided(LeaveStatus.REJECTED, SampleLeaves.GRACE, null),
                "r2", SampleLeaves.pending().withStatus(LeaveStatus.CANCELLED, null, null));
        try (var engine = EmbeddedEngine.builder(dir.resolve("engine.db")).clock(new TestClock()).build()) {
            engine.register(LeaveRequests.FUNCTION, new Done()).start();
            for (int i = 0; i < count; i++) {
                engine.start(LeaveRequests.FUNCTION, LeaveRequest.executionNameFor("r" + i), "\"x\"");
            }
            assertTrue(engine.awaitIdle(Duration.ofSeconds(20)));
            var executions = new Executions(engine, id -> Optional.ofNullable(leaves.get(id)));

            JsonNode newest = executions.page(null);
            assertEquals(Executions.PAGE, newest.path("executions").size());
            assertTrue(newest.hasNonNull("next_marker"), newest.toString());
            JsonNode older = executions.page(newest.path("next_marker").asText());
            assertEquals(5, older.path("executions").size());
            assertFalse(older.has("next_marker"), "the last page");

            Set<String> seen = new HashSet<>();
            Map<String, String> leaveStatus = new HashMap<>();
            for (JsonNode page : new JsonNode[] {newest, older}) {
                page.path("executions").forEach(e -> {
                    seen.add(e.path("name").asText());
                    assertEquals("SUCCEEDED", e.path("status").asText());
                    leaveStatus.put(e.path("name").asText(), e.path("leave").asText(null));
                });
            }
            assertEquals(count, seen.size(), "every execution, once");
            assertEquals("REJECTED", leaveStatus.get("leave-r1"));
            assertEquals("CANCELLED", leaveStatus.get("leave-r2"));
            assertEquals(null, leaveStatus.get("leave-r3"), "no leave recorded: no leave status");
        }
    }
}
