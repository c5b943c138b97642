package io.leavebot.exports;

import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Unit;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Payroll's leave report for a period: one row per person and leave type that has leave in it — the working days
 * taken (approved) and still pending inside the period, and the balance where the type has one. Leave that crosses
 * the period's edge counts only its days inside (the employee's working calendar: their week, public holidays,
 * company days off); leave wholly inside counts the days it was counted with when made, as the balance does. People
 * without leave in the period are not in it; their balances are under {@code /api/people/{email}/balances}.
 *
 * <p>Rows are made as {@link LeaveStore#forEachOverlapping} reads the requests (ordered by employee): only one
 * person's totals are held at a time, however big the organisation.
 */
public final class LeaveReport {
    /** The longest period a report covers, in days: a leave year, and a leap day. */
    public static final int MAX_DAYS = 366;

    private final LeaveStore leaves;
    private final Balances balances;

    /**
     * One person's leave of one type in the period.
     *
     * @param balance what is left as of the period's last day (after approved leave, before pending), in
     *                {@code unit}; null for a type without a balance
     */
    public record Row(Person employee, String type, double daysTaken, double daysPending, BigDecimal balance, Unit unit) {
    }

    public LeaveReport(LeaveStore leaves, Balances balances) {
        this.leaves = leaves;
        this.balances = balances;
    }

    /**
     * Why a period cannot be reported, worded for whoever asked; null when it can.
     */
    public static String problemWith(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return "The period's last day (" + to + ") is before its first day (" + from + ").";
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            return "A report covers at most " + MAX_DAYS + " days; please ask for a shorter period, e.g. one year.";
        }
        return null;
    }

    /** Hands each row to {@code each}, person by person (by key), each person's types in alphabetical order. */
    public void forEachRow(LocalDate from, LocalDate to, Consumer<Row> each) {
        var person = new PersonTotals[1];
        leaves.forEachOverlapping(from, to, leave -> {
            if (person[0] != null && !person[0].employee.isSameAs(leave.employee())) {
                person[0].emit(to, each);
                person[0] = null;
            }
            if (person[0] == null) {
                person[0] = new PersonTotals(leave.employee(), balances.calendarOf(leave.employee()));
            }
            person[0].add(leave, from, to);
        });
        if (person[0] != null) {
            person[0].emit(to, each);
        }
    }

    /** One person's days per type, in their working calendar. */
    private final class PersonTotals {
        private final Person employee;
        private final WorkingCalendar calendar;
        /** type → {taken, pending} */
        private final Map<String, double[]> byType = new TreeMap<>();

        PersonTotals(Person employee, WorkingCalendar calendar) {
            this.employee = employee;
            this.calendar = calendar;
        }

        void add(LeaveRequest leave, LocalDate from, LocalDate to) {
            double[] days = byType.computeIfAbsent(leave.type(), t -> new double[2]);
            days[leave.status() == LeaveStatus.APPROVED ? 0 : 1] += daysInside(leave, from, to);
        }

        private double daysInside(LeaveRequest leave, LocalDate from, LocalDate to) {
            if (!leave.start().isBefore(from) && !leave.end().isAfter(to)) {
                return leave.workingDays();
            }
            LocalDate first = leave.start().isBefore(from) ? from : leave.start();
            LocalDate last = leave.end().isAfter(to) ? to : leave.end();
            return leave.halfDay() ? calendar.length(first, last, true) : calendar.workingDays(first, last);
        }

        void emit(LocalDate asOf, Consumer<Row> each) {
            byType.forEach((type, days) -> {
                Balance balance = balances.of(employee, type, asOf).orElse(null);
                each.accept(new Row(employee, type, days[0], days[1], balance == null ? null : balance.remaining(),
                        balance == null ? null : balance.unit()));
            });
        }
    }
}
