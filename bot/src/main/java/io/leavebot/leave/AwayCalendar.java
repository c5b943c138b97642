package io.leavebot.leave;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * When approvers are away and who decides for them: SQLite locally ({@code SqliteAwayCalendar}), DynamoDB on AWS
 * ({@code DynamoDbAwayCalendar}). Approvers are matched by {@link Person#key()}, like everywhere in {@link LeaveStore}.
 * Two things are kept per approver: declared {@link AwayPeriod}s, which never overlap one another, and one
 * <em>standing stand-in</em>, who decides while the approver is on approved leave without having declared a period.
 * The calendar only keeps what it is told; checking dates against today and following stand-ins of stand-ins is
 * {@code io.leavebot.workflow.AwayPeriods}'s. Implementations are thread-safe.
 */
public interface AwayCalendar {

    /**
     * Keeps {@code period}. An earlier period of the same approver that shares a day with it is replaced by it (so
     * "away 10–20, then away 15–25" leaves 15–25 alone); saving the same approver, days and stand-in again changes
     * nothing and returns the period as first saved.
     *
     * @return the period as kept now
     */
    AwayPeriod save(AwayPeriod period);

    /** Removes the approver's period that starts on {@code from}; false if there is none (and nothing changes). */
    boolean cancel(Person approver, LocalDate from);

    /** The approver's periods whose last day is {@code day} or later, by first day. */
    List<AwayPeriod> periodsOf(Person approver, LocalDate day);

    /** The approver's period that includes {@code day}, if any. */
    Optional<AwayPeriod> covering(Person approver, LocalDate day);

    /**
     * Names who decides for the approver while they are on approved leave without a declared period, replacing
     * whoever was named before; {@code null} names nobody.
     *
     * @throws IllegalArgumentException if the stand-in is the approver, or either has no e-mail address
     */
    void setStandIn(Person approver, Person standIn);

    /** The approver's standing stand-in, if one is named. */
    Optional<Person> standInOf(Person approver);

    /**
     * Both things that say who decides for the approver on {@code day}, in one read where the store can (the
     * workflow asks this at every ask): {@link #covering} and {@link #standInOf}.
     */
    Day on(Person approver, LocalDate day);

    /** What {@link #on} found: the declared period covering the day and the standing stand-in, each null if none. */
    record Day(AwayPeriod covering, Person standIn) {
    }
}
