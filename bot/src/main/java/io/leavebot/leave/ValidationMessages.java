package io.leavebot.leave;

import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances.Preview;
import io.leavebot.balance.Unit;
import io.leavebot.balance.WorkingWeek;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The wording of every validation message, in one place so that Slack, e-mail and the JSON API say the same
 * thing. Each message says what is wrong and what to do next; none shows ids or exception names.
 */
final class ValidationMessages {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ValidationMessages() {
    }

    static String noEmployee() {
        return "We could not tell who is asking for leave. Please sign in with your Slack account or give your e-mail address.";
    }

    /** @param problem what {@link EmailAddresses#problem} says is wrong with it */
    static String badEmail(String email, String problem) {
        return "\"" + email + "\" " + problem + ". Please use the form name@example.com.";
    }

    static String noType(List<String> types) {
        return "Please choose a leave type: " + listing(types) + ".";
    }

    static String unknownType(String type, List<String> types) {
        return "\"" + type.trim() + "\" is not a leave type here. Please choose one of: " + listing(types) + ".";
    }

    static String noDate(String field, LocalDate today) {
        return "Please give the " + label(field) + ", for example " + WorkingDays.exampleDay(today) + ".";
    }

    static String unreadableDate(String field, String text, LocalDate today) {
        return "\"" + text.trim() + "\" is not a date we can read. Please write the " + label(field)
                + " as YYYY-MM-DD, for example " + WorkingDays.exampleDay(today) + ".";
    }

    static String impossibleDate(String field, String text) {
        return text.trim() + " is not a day in the calendar. Please check the day and month of the " + label(field) + ".";
    }

    static String endBeforeStart(LocalDate start, LocalDate end) {
        return "The end date (" + end + ") is before the start date (" + start + "). Please choose an end date on or after the start date.";
    }

    static String inThePast(LocalDate start, LocalDate today) {
        return "The start date " + start + " is in the past. Please choose today (" + today + ") or a later date.";
    }

    static String tooFarAhead(LocalDate end, LocalDate furthest) {
        return "This request ends on " + DAY.format(end) + ", too far ahead: leave can be asked for up to a year ahead, "
                + "ending by " + DAY.format(furthest) + ". Please ask for it nearer the time.";
    }

    static String tooLong(long days, int maxDays) {
        return "This request covers " + days + " calendar days; the most you can ask for at once is " + maxDays
                + ". Please split it into shorter requests.";
    }

    /**
     * @param daysOff the public holidays and company days off in the range that fall on working weekdays, by date
     */
    static String noWorkingDays(LocalDate start, LocalDate end, Map<LocalDate, String> daysOff, WorkingWeek week) {
        String pick = " Please pick " + (start.equals(end) ? "a working day" : "dates that include a working day")
                + " (" + (week.equals(WorkingWeek.MONDAY_TO_FRIDAY) ? "Monday to Friday" : "yours are " + week) + ").";
        if (!daysOff.isEmpty()) {
            return holidays(daysOff) + (daysOff.size() == 1 ? " is a holiday" : " are holidays")
                    + " (" + String.join(", ", new LinkedHashSet<>(daysOff.values())) + ")"
                    + (start.equals(end) ? "." : ", and the other days are not working days for you.") + pick;
        }
        if (start.equals(end)) {
            return start + " is a " + start.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", not a working day."
                    + pick;
        }
        return start + " to " + end + " has no working days." + pick;
    }

    /** "25 and 26 December 2026", "1 January 2027", "24, 25 and 26 December 2026". */
    private static String holidays(Map<LocalDate, String> daysOff) {
        List<LocalDate> days = List.copyOf(new TreeMap<>(daysOff).keySet());
        LocalDate last = days.get(days.size() - 1);
        boolean oneMonth = days.stream().allMatch(d -> d.getMonth() == last.getMonth() && d.getYear() == last.getYear());
        List<String> named = days.stream().map(d -> oneMonth && !d.equals(last) ? Integer.toString(d.getDayOfMonth()) : DAY.format(d))
                .toList();
        return listing(named).replace(" or ", " and ");
    }

    static String beyondBalance(String type, Preview.Part part) {
        Balance before = part.before();
        String left = before.available().signum() <= 0 ? "you have none left" : "you have " + quantity(before.available(), before) + " left";
        String below = before.negativeLimit().signum() > 0
                ? ", and may go at most " + quantity(before.negativeLimit(), before) + " below zero" : "";
        String waiting = before.pending().signum() > 0
                ? " (" + quantity(before.pending(), before) + (isOne(before.pending()) ? " is" : " are") + " waiting for approval)" : "";
        return "This takes " + quantity(part.amount(), before) + " of " + type + " leave, but " + left + " in " + before.yearName()
                + below + waiting + ". Please choose fewer days, or ask your admin about your allowance.";
    }

    static String belowZero(String type, Preview.Part part) {
        Balance before = part.before();
        return "This takes " + quantity(part.amount(), before) + " of " + type + " leave and leaves you "
                + quantity(part.after().negate(), before) + " below zero in " + before.yearName() + " (the policy allows up to "
                + quantity(before.negativeLimit(), before) + "); they will come off next year's allowance.";
    }

    /** "5 days", "1 day", "0.5 days", "4 hours". */
    private static String quantity(BigDecimal amount, Balance of) {
        String unit = of.unit() == Unit.HOURS ? "hour" : "day";
        return amount.stripTrailingZeros().toPlainString() + " " + unit + (isOne(amount) ? "" : "s");
    }

    private static boolean isOne(BigDecimal amount) {
        return amount.compareTo(BigDecimal.ONE) == 0;
    }

    static String halfDayOnSeveralDays() {
        return "A half day can only be taken on a single day. Please make the start and end date the same, or ask for whole days.";
    }

    static String reasonTooLong(int length, int max) {
        return "The reason is " + length + " characters long; please keep it to " + max + " characters or fewer.";
    }

    static String noApprover() {
        return "LeaveBot's routing has no approver for you, so this request cannot be sent to anyone. "
                + "Please contact your admin to have an approver set up.";
    }

    static String ownApprover() {
        return "LeaveBot's routing names you as your own approver, and nobody can approve their own leave. "
                + "Please contact your admin to have another approver set up.";
    }

    static String overlaps(List<LeaveRequest> existing) {
        String which = existing.stream().map(ValidationMessages::describe).collect(Collectors.joining(" and "));
        boolean anyPending = existing.stream().anyMatch(r -> r.status() == LeaveStatus.PENDING);
        return "These dates overlap " + which + ". Please choose other dates"
                + (anyPending ? ", or withdraw the pending request first." : ".");
    }

    private static String describe(LeaveRequest r) {
        String days = r.start().equals(r.end()) ? "on " + r.start() : "from " + r.start() + " to " + r.end();
        String state = r.status() == LeaveStatus.PENDING ? "waiting for approval" : r.status().name().toLowerCase(Locale.ROOT);
        return "your " + r.type() + " leave " + days + " (" + state + ")";
    }

    private static String label(String field) {
        switch (field) {
            case LeaveValidator.START: return "start date";
            case LeaveValidator.END: return "end date";
            default: return field;
        }
    }

    private static String listing(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
