package io.leavebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.Validation;
import io.leavebot.leave.LeaveRequest;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void theSameInteractionAlwaysGivesTheSameId() {
        assertEquals(RequestIds.from("slack-view:V0123ABCD"), RequestIds.from("slack-view:V0123ABCD"));
        assertNotEquals(RequestIds.from("slack-view:V0123ABCD"), RequestIds.from("slack-trigger:V0123ABCD"));
    }

    @Test
    void idsAreShortReadableAndNameAnExecution() {
        String id = RequestIds.from("slack-trigger:13345224609.738474920.8088930838d88f008e0");
        assertTrue(id.matches("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}"), id);
        assertEquals("leave-" + id, Validation.executionName(LeaveRequest.executionNameFor(id)));
    }

    @Test
    void manyInteractionsGetManyIds() {
        Set<String> ids = new HashSet<>();
        IntStream.range(0, 20_000).forEach(i -> ids.add(RequestIds.from("slack-view:V" + i)));
        assertEquals(20_000, ids.size());
    }
}
