package io.leavebot.calendar;

/** What a person's calendar row shows on one day. */
public enum DayMark {
    /** On approved leave, on one of their working days. */
    OUT,
    /** On leave still waiting for a decision, on one of their working days. */
    PENDING,
    /** Inside a leave, but not a working day of theirs (a weekend, a public holiday, a company day off): not taken. */
    DAY_OFF,
    /** Not on leave. */
    IN;

    /** Whether the person is away that day (approved or not yet). */
    public boolean away() {
        return this == OUT || this == PENDING;
    }
}
