package io.leavebot.durable.testing;

/**
 * Thrown from a step body to stand for the process dying mid-step: an {@link Error}, so the runtime records
 * nothing more and the invocation ends without an output, as a killed Lambda would.
 */
public final class SimulatedCrash extends Error {
    public SimulatedCrash() {
        super("simulated process crash", null, false, false);
    }
}
