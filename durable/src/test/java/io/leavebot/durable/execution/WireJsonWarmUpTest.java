package io.leavebot.durable.execution;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireJsonWarmUpTest {
    @Test
    void buildsTheEnvelopesAndTheCheckpointCallsSerializersWithoutError() {
        // on its thread a failure would be silent (the invocation meets it later), so it is checked here
        assertDoesNotThrow(WireJsonWarmUp::prepare);
    }

    @Test
    void startsOneThreadPerJvmHowEverOftenItIsAskedTo() {
        WireJsonWarmUp.start(); // the first call in this JVM, or not: a handler made earlier may have started it
        assertFalse(WireJsonWarmUp.start(), "a second call started another warm-up");
        long running = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("durable-json-warm-up")).count();
        assertTrue(running <= 1, running + " warm-up threads");
    }
}
