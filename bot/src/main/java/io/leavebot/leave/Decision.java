package io.leavebot.leave;

import java.time.Instant;
import java.util.Optional;

/**
 * Who decided a request, when, and what they said. For EXPIRED, {@code by} is null; so it is for an approval no
 * person gave ({@link #automatic}), whose comment says why.
 */
public record Decision(Person by, Instant at, String comment) {
    /** How the comment of an automatic approval starts; the rest says why. */
    private static final String AUTOMATIC = "approved automatically: ";

    public Decision {
        comment = BidiControls.strip(comment);
    }

    /** An approval by nobody: a rule approved it as it was made, or nobody answered in time. */
    public static Decision automatic(Instant at, String why) {
        return new Decision(null, at, AUTOMATIC + why);
    }

    /** Why nobody's approval approved it ("nobody answered within 3 days"), for a decision {@link #automatic} made. */
    public Optional<String> automaticReason() {
        return by == null && comment != null && comment.startsWith(AUTOMATIC)
                ? Optional.of(comment.substring(AUTOMATIC.length())) : Optional.empty();
    }
}
