package io.leavebot.leave;

import io.leavebot.balance.Balances.Preview;
import io.leavebot.balance.WorkingCalendar;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a submission against the {@link LeavePolicy} and returns every problem at once, keyed by field
 * ({@link #TYPE}, {@link #START}, …), each message specific, polite and saying what to do next. Front ends map the
 * fields to their own inputs (Slack block ids, JSON properties) and parse dates with {@link #parseDate}, so every
 * channel uses the same wording.
 */
public final class LeaveValidator {
    public static final String EMPLOYEE = "employee";
    public static final String APPROVER = "approver";
    public static final String TYPE = "type";
    public static final String START = "start";
    public static final String END = "end";
    public static final String HALF_DAY = "halfDay";
    public static final String REASON = "reason";

    /** Shaped like an ISO date (so "2027-02-30" is an impossible day rather than an unreadable text). */
    private static final Pattern ISO_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final LeavePolicy policy;

    public LeaveValidator(LeavePolicy policy) {
        this.policy = policy;
    }

    /** A date typed by someone: the date, or the message to show for that field. */
    public record ParsedDate(LocalDate date, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** {@link #parseDate(String, String, LocalDate)} with today's date in the examples. */
    public static ParsedDate parseDate(String field, String text) {
        return parseDate(field, text, LocalDate.now());
    }

    /**
     * Reads an ISO date (YYYY-MM-DD) typed for {@code field} ({@link #START} or {@link #END}); a blank, unreadable
     * or impossible date gives the message every front end shows.
     */
    public static ParsedDate parseDate(String field, String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return new ParsedDate(null, ValidationMessages.noDate(field, today));
        }
        try {
            return new ParsedDate(LocalDate.parse(text.trim()), null);
        } catch (DateTimeParseException e) {
            return new ParsedDate(null, ISO_SHAPE.matcher(text.trim()).matches()
                    ? ValidationMessages.impossibleDate(field, text)
                    : ValidationMessages.unreadableDate(field, text, today));
        }
    }

    /** As {@link #validate(LeaveSubmission, ApprovalChain, List, LocalDate, WorkingCalendar)}, counting Monday to Friday. */
    public Map<String, String> validate(LeaveSubmission submission, ApprovalChain chain, List<LeaveRequest> overlaps, LocalDate today) {
        return validate(submission, chain, overlaps, today, WorkingCalendar.mondayToFriday());
    }

    /**
     * @param chain    the routed approval chain, or null when routing found none
     * @param overlaps the employee's PENDING/APPROVED requests overlapping the dates (others are ignored, and so is
     *                 a request with the submission's own id, so a repeated submission is not its own overlap)
     * @param calendar the employee's working days: a request must cover at least one
     * @return field → message, in field order; empty when the submission is valid
     */
    public Map<String, String> validate(LeaveSubmission submission, ApprovalChain chain, List<LeaveRequest> overlaps, LocalDate today,
            WorkingCalendar calendar) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkPeople(submission.employee(), chain, errors);
        checkType(submission.type(), errors);
        checkDates(submission, today, calendar, errors);
        checkOverlaps(submission, overlaps, calendar, errors);
        String reason = submission.reason();
        if (reason != null && reason.codePointCount(0, reason.length()) > policy.maxReasonLength()) {
            errors.put(REASON, ValidationMessages.reasonTooLong(reason.codePointCount(0, reason.length()), policy.maxReasonLength()));
        }
        return errors;
    }

    /**
     * The field error ({@link #END}) for a request that takes more than the balance allows, said with the numbers
     * ("This takes 5 days of annual leave, but you have 3 days left in 2027 (2 days are waiting for approval)."); empty
     * when it fits or only goes below zero as the policy allows.
     */
    public static Optional<String> beyondBalance(Preview preview) {
        return worst(preview, Preview.Verdict.BEYOND).map(part -> ValidationMessages.beyondBalance(preview.policy().type(), part));
    }

    /**
     * The warning for a request that takes the balance below zero, as far as the policy allows; empty when it
     * fits, or when it goes further (then {@link #beyondBalance} has the error).
     */
    public static Optional<String> belowZero(Preview preview) {
        return preview.verdict() != Preview.Verdict.NEGATIVE ? Optional.empty()
                : worst(preview, Preview.Verdict.NEGATIVE).map(part -> ValidationMessages.belowZero(preview.policy().type(), part));
    }

    private static Optional<Preview.Part> worst(Preview preview, Preview.Verdict verdict) {
        return preview.parts().stream().filter(part -> part.verdict() == verdict).findFirst();
    }

    /** The policy's own spelling of a leave type typed in any case, if it is one. */
    public Optional<String> canonicalType(String type) {
        if (type == null) {
            return Optional.empty();
        }
        String wanted = type.trim().toLowerCase(Locale.ROOT);
        return policy.types().stream().filter(t -> t.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public LeavePolicy policy() {
        return policy;
    }

    /** Nobody approves their own leave: a stage whose only approvers are the employee cannot decide it. */
    private static void checkPeople(Person employee, ApprovalChain chain, Map<String, String> errors) {
        if (employee == null) {
            errors.put(EMPLOYEE, ValidationMessages.noEmployee());
        } else if (employee.email() != null) {
            EmailAddresses.problem(employee.email())
                    .ifPresent(problem -> errors.put(EMPLOYEE, ValidationMessages.badEmail(employee.email(), problem)));
        }
        if (chain == null) {
            errors.put(APPROVER, ValidationMessages.noApprover());
        } else if (employee != null && chain.stages().stream()
                .anyMatch(stage -> stage.approvers().stream().allMatch(a -> a.approver().isSameAs(employee)))) {
            errors.put(APPROVER, ValidationMessages.ownApprover());
        }
    }

    private void checkType(String type, Map<String, String> errors) {
        if (type == null || type.isBlank()) {
            errors.put(TYPE, ValidationMessages.noType(policy.types()));
        } else if (canonicalType(type).isEmpty()) {
            errors.put(TYPE, ValidationMessages.unknownType(type, policy.types()));
        }
    }

    private void checkDates(LeaveSubmission s, LocalDate today, WorkingCalendar calendar, Map<String, String> errors) {
        LocalDate start = s.start();
        LocalDate end = s.end();
        if (start == null) {
            errors.put(START, ValidationMessages.noDate(START, today));
        } else if (start.isBefore(today) && !policy.allowPastDates()) {
            errors.put(START, ValidationMessages.inThePast(start, today));
        }
        if (end == null) {
            errors.put(END, ValidationMessages.noDate(END, today));
        }
        if (start == null || end == null) {
            return;
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (end.isBefore(start)) {
            errors.put(END, ValidationMessages.endBeforeStart(start, end));
        } else if (days > policy.maxDays()) {
            errors.put(END, ValidationMessages.tooLong(days, policy.maxDays()));
        } else if (end.isAfter(today.plusDays(LeavePolicy.FURTHEST_AHEAD_DAYS))) {
            errors.put(END, ValidationMessages.tooFarAhead(end, today.plusDays(LeavePolicy.FURTHEST_AHEAD_DAYS)));
        } else if (calendar.workingDays(start, end) == 0) {
            // nothing to approve: the approver would be asked about "no working days" (a half day included)
            errors.put(END, ValidationMessages.noWorkingDays(start, end, calendar.daysOff(start, end), calendar.week()));
        }
        if (s.halfDay() && !start.equals(end)) {
            errors.put(HALF_DAY, ValidationMessages.halfDayOnSeveralDays());
        }
    }

    /** Requests clash when they share one of the employee's working days (meeting on a holiday is no clash). */
    private static void checkOverlaps(LeaveSubmission s, List<LeaveRequest> overlaps, WorkingCalendar calendar,
            Map<String, String> errors) {
        if (s.start() == null || s.end() == null || s.end().isBefore(s.start()) || overlaps == null || s.employee() == null) {
            return;
        }
        List<LeaveRequest> clashing = overlaps.stream()
                .filter(r -> r.status() == LeaveStatus.PENDING || r.status() == LeaveStatus.APPROVED)
                .filter(r -> r.employee().isSameAs(s.employee()) && !r.id().equals(s.requestId()))
                .filter(r -> calendar.sharesWorkingDay(r.start(), r.end(), s.start(), s.end()))
                .sorted(Comparator.comparing(LeaveRequest::start))
                .toList();
        if (!clashing.isEmpty()) {
            errors.putIfAbsent(START, ValidationMessages.overlaps(clashing));
        }
    }
}
