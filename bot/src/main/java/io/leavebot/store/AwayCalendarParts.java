package io.leavebot.store;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A store whose {@link AwayCalendar} is a part of its own ({@link SqliteAwayCalendar}, {@link DynamoDbAwayCalendar})
 * on the same connection or client: every calendar call goes to that part.
 */
interface AwayCalendarParts extends AwayCalendar {

    /** The part that keeps the calendar. */
    AwayCalendar awayCalendar();

    @Override
    default AwayPeriod save(AwayPeriod period) {
        return awayCalendar().save(period);
    }

    @Override
    default boolean cancel(Person approver, LocalDate from) {
        return awayCalendar().cancel(approver, from);
    }

    @Override
    default List<AwayPeriod> periodsOf(Person approver, LocalDate day) {
        return awayCalendar().periodsOf(approver, day);
    }

    @Override
    default Optional<AwayPeriod> covering(Person approver, LocalDate day) {
        return awayCalendar().covering(approver, day);
    }

    @Override
    default void setStandIn(Person approver, Person standIn) {
        awayCalendar().setStandIn(approver, standIn);
    }

    @Override
    default Optional<Person> standInOf(Person approver) {
        return awayCalendar().standInOf(approver);
    }

    @Override
    default Day on(Person approver, LocalDate day) {
        return awayCalendar().on(approver, day);
    }
}
