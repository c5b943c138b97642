package io.leavebot.durable;

import java.util.concurrent.ThreadLocalRandom;

/** How much randomness spreads retry delays, so that many failing executions do not retry in lockstep. */
public enum JitterStrategy {
    /** The computed delay as is. */
    NONE,
    /** Uniform in [0, delay). */
    FULL,
    /** Uniform in [delay/2, delay). */
    HALF;

    double apply(double seconds) {
        double r = ThreadLocalRandom.current().nextDouble();
        return switch (this) {
            case NONE -> seconds;
            case FULL -> seconds * r;
            case HALF -> seconds / 2 + seconds / 2 * r;
        };
    }
}
