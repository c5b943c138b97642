package io.leavebot.leave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An approver's declared absence: from {@code from} to {@code to}, both days included, {@code standIn} decides in
 * their place. People are kept by e-mail (the identity that holds across channels), so both need one.
 *
 * @param savedAt when the period was first saved as it is; saving the same values again keeps it
 */
public record AwayPeriod(Person approver, LocalDate from, LocalDate to, Person standIn, Instant savedAt) {

    /** @throws IllegalArgumentException if a part is missing, {@code to} is before {@code from}, or the stand-in is the approver */
    public AwayPeriod {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(standIn, "standIn");
        Objects.requireNonNull(savedAt, "savedAt");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an away period ends on or after its first day, not " + from + " – " + to);
        }
        if (standIn.isSameAs(approver)) {
            throw new IllegalArgumentException("an approver cannot stand in for themselves: " + approver.key());
        }
        if (approver.email() == null || standIn.email() == null) {
            throw new IllegalArgumentException("an away period keeps people by e-mail, and " + approver.key() + " or "
                    + standIn.key() + " has none");
        }
    }

    /** Whether the period includes {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the two periods share at least one day. */
    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return !from.isAfter(otherTo) && !to.isBefore(otherFrom);
    }

    /** Whether {@code other} says the same thing: approver, days and stand-in (its save time aside). */
    public boolean sameAs(AwayPeriod other) {
        return approver.isSameAs(other.approver) && from.equals(other.from) && to.equals(other.to)
                && standIn.isSameAs(other.standIn);
    }
}
