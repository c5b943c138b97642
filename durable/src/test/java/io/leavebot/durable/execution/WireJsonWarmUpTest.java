package io.leavebot.durable.execution;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireJsonWarmUpTest {
    @Test
    void buildsTheEnvelopesAndTheCheckpointCallsSerializersWithoutError() {
        // on its thread a failure would be silent (the invocation meets it later), so it is checked here
        assertDoesNotThrow(WireJsonWarmUp::prepare);
    }

    @Test
    void startsOneThreadPerJvmHowEverOftenItIsAskedTo() throws InterruptedException {
        WireJsonWarmUp.start();
        WireJsonWarmUp.start();
        long running = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("durable-json-warm-up")).count();
        assertTrue(running <= 1, running + " warm-up threads");
    }
}
