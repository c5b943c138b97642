package io.leavebot.workflow;

import io.leavebot.leave.Person;
import java.time.LocalDate;
import java.util.Optional;

/** Who decides for an approver who is away on a day; the workflow asks this whenever it asks an approver. */
@FunctionalInterface
public interface StandIns {
    /** Nobody is ever away. */
    StandIns NONE = (approver, day) -> Optional.empty();

    /** The stand-in deciding for {@code approver} on {@code day}; empty when they decide themselves. */
    Optional<Person> actingFor(Person approver, LocalDate day);

    /** The last day of the approver's absence that covers {@code day}, when known; for "who is away until …". */
    default Optional<LocalDate> awayUntil(Person approver, LocalDate day) {
        return Optional.empty();
    }
}
