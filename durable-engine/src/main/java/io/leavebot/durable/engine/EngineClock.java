package io.leavebot.durable.engine;

import java.time.Instant;

/** The engine's time. {@link #system()} normally; a {@link TestClock} lets tests skip ahead. */
public interface EngineClock {
    Instant now();

    static EngineClock system() {
        return Instant::now;
    }
}
