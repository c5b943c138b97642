package io.leavebot.leave;

import java.time.Instant;
import java.util.Optional;

/**
 * Who decided a request, when, and what they said. For EXPIRED, {@code by} is null; so it is for an approval no
 * person gave, whose comment says why: a rule's words ("sick leave of up to 1 day is approved automatically"), or
 * {@link #automatic}'s.
 */
public record Decision(Person by, Instant at, String comment) {
    /** How the comment of an automatic approval starts; the rest says why. */
    private static final String AUTOMATIC = "approved automatically: ";

    public Decision {
        comment = BidiControls.strip(comment);
    }

    /** An approval by nobody, e.g. because nobody answered in time: "approved automatically: {@code why}". */
    public static Decision automatic(Instant at, String why) {
        return new Decision(null, at, AUTOMATIC + why);
    }

    /** Why it was approved automatically ("nobody answered within 3 days"), for a decision {@link #automatic} made. */
    public Optional<String> automaticReason() {
        return by == null && comment != null && comment.startsWith(AUTOMATIC)
                ? Optional.of(comment.substring(AUTOMATIC.length())) : Optional.empty();
    }
}
