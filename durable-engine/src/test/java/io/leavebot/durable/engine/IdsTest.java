package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Callback ids sort by their execution (so the callbacks table is appended to) and stay unguessable. */
class IdsTest {
    @Test
    void callbackIdsSortAsTheirExecutionsKeysAndDifferForTheSameExecution() {
        var ids = new ArrayList<String>();
        for (long key : new long[] {1, 9, 10, 15, 16, 255, 4096, 1L << 40}) {
            String id = Ids.callbackId(key);
            assertTrue(id.matches("[0-9a-f]{12}[A-Za-z0-9]{32}"), id);
            ids.add(id);
        }
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(ids, sorted);
        assertNotEquals(Ids.callbackId(7), Ids.callbackId(7));
    }
}
