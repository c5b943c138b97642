package io.leavebot.leave;

import java.time.Instant;

/** Who decided a request, when, and what they said. For EXPIRED, {@code by} is null. */
public record Decision(Person by, Instant at, String comment) {

    public Decision {
        comment = BidiControls.strip(comment);
    }
}
