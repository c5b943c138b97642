package io.leavebot.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Holidays;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.balance.WorkingWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaveValidatorTest {
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Person ANN = Person.ofEmail("ann@example.com", "Ann");
    private static final Person BEA = Person.ofEmail("bea@example.com", "Bea");
    private static final LeavePolicy POLICY = new LeavePolicy(List.of("annual", "sick", "unpaid"), 10, false, 20,
            Duration.ofDays(3), List.of(0.5));
    private final LeaveValidator validator = new LeaveValidator(POLICY);

    private static LeaveSubmission submission(String type, LocalDate start, LocalDate end, boolean halfDay, String reason) {
        return new LeaveSubmission("r-1", ANN, type, start, end, halfDay, reason);
    }

    private static LeaveSubmission days(LocalDate start, LocalDate end) {
        return submission("annual", start, end, false, "trip");
    }

    private Map<String, String> validate(LeaveSubmission s) {
        return validator.validate(s, ApprovalChain.single(BEA), List.of(), TODAY);
    }

    private static LeaveRequest existing(String id, Person employee, LocalDate start, LocalDate end, LeaveStatus status) {
        Instant t = Instant.parse("2026-02-01T10:00:00Z");
        return new LeaveRequest(id, employee, ApprovalChain.single(BEA), "annual", start, end, false, null, status, t, t, null, "leave-" + id);
    }

    @Test
    void aCompleteSubmissionWithinThePolicyHasNoErrors() {
        assertEquals(Map.of(), validate(days(TODAY, TODAY.plusDays(9))));
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        LeaveSubmission empty = new LeaveSubmission("r-1", null, " ", null, null, false, null);

        Map<String, String> errors = validator.validate(empty, null, List.of(), TODAY);

        assertEquals(List.of(LeaveValidator.EMPLOYEE, LeaveValidator.APPROVER, LeaveValidator.TYPE, LeaveValidator.START,
                LeaveValidator.END), List.copyOf(errors.keySet()));
        assertEquals("Please choose a leave type: annual, sick or unpaid.", errors.get(LeaveValidator.TYPE));
        assertEquals("Please give the start date, for example 2026-03-09.", errors.get(LeaveValidator.START));
        assertEquals("Please give the end date, for example 2026-03-09.", errors.get(LeaveValidator.END));
    }

    @Test
    void leaveEndingMoreThan364DaysAheadIsRefusedNamingTheLastDayItMayEnd() {
        LocalDate furthest = TODAY.plusDays(LeavePolicy.FURTHEST_AHEAD_DAYS);
        assertEquals(Map.of(), validate(days(furthest.minusDays(2), furthest)), "up to a year ahead");

        String error = validate(days(furthest.minusDays(1), furthest.plusDays(1))).get(LeaveValidator.END);
        assertEquals("This request ends on " + DAY.format(furthest.plusDays(1)) + ", too far ahead: leave can be asked "
                + "for up to a year ahead, ending by " + DAY.format(furthest) + ". Please ask for it nearer the time.", error);
    }

    @Test
    void anUnknownTypeIsRefusedListingTheTypesOnOffer() {
        assertEquals("\"holiday\" is not a leave type here. Please choose one of: annual, sick or unpaid.",
                validate(submission("holiday", TODAY, TODAY, false, null)).get(LeaveValidator.TYPE));
    }

    @Test
    void typesAreRecognisedInAnyCaseAndGivenThePolicySpelling() {
        assertEquals(Map.of(), validate(submission(" Sick ", TODAY, TODAY, false, null)));
        assertEquals(Optional.of("sick"), validator.canonicalType("SICK"));
        assertEquals(Optional.empty(), validator.canonicalType("holiday"));
    }

    @Test
    void anEndBeforeTheStartIsRefusedNamingBothDates() {
        assertEquals("The end date (2026-03-04) is before the start date (2026-03-05). "
                + "Please choose an end date on or after the start date.",
                validate(days(TODAY.plusDays(3), TODAY.plusDays(2))).get(LeaveValidator.END));
    }

    @Test
    void aStartInThePastIsRefusedUnlessThePolicyAllowsIt() {
        LeaveSubmission yesterday = days(TODAY.minusDays(1), TODAY);
        LeavePolicy lenient = new LeavePolicy(POLICY.types(), 10, true, 20, Duration.ofDays(3), List.of(0.5));

        assertEquals("The start date 2026-03-01 is in the past. Please choose today (2026-03-02) or a later date.",
                validate(yesterday).get(LeaveValidator.START));
        assertEquals(Map.of(), new LeaveValidator(lenient).validate(yesterday, ApprovalChain.single(BEA), List.of(), TODAY));
    }

    @Test
    void aRequestLongerThanTheMaximumIsRefusedButTheMaximumItselfIsFine() {
        assertEquals(Map.of(), validate(days(TODAY, TODAY.plusDays(9))));
        assertEquals("This request covers 11 calendar days; the most you can ask for at once is 10. "
                + "Please split it into shorter requests.", validate(days(TODAY, TODAY.plusDays(10))).get(LeaveValidator.END));
    }

    @Test
    void aHalfDayMustBeASingleDay() {
        assertEquals(Map.of(), validate(submission("annual", TODAY, TODAY, true, null)));
        assertTrue(validate(submission("annual", TODAY, TODAY.plusDays(1), true, null)).get(LeaveValidator.HALF_DAY)
                .startsWith("A half day can only be taken on a single day."));
    }

    @Test
    void aReasonLongerThanTheLimitIsRefusedCountingCharactersAsPeopleSeeThem() {
        assertEquals(Map.of(), validate(submission("annual", TODAY, TODAY, false, "🌴".repeat(20))));
        assertEquals("The reason is 21 characters long; please keep it to 20 characters or fewer.",
                validate(submission("annual", TODAY, TODAY, false, "x".repeat(21))).get(LeaveValidator.REASON));
    }

    @Test
    void withoutAnApproverTheEmployeeIsToldToContactTheAdmin() {
        String message = validator.validate(days(TODAY, TODAY), null, List.of(), TODAY).get(LeaveValidator.APPROVER);

        assertTrue(message.contains("routing has no approver for you"), message);
        assertTrue(message.contains("contact your admin"), message);
    }

    @Test
    void nobodyApprovesTheirOwnLeaveEvenWhenKnownByAnotherChannel() {
        Person annByMail = Person.ofEmail("ANN@example.com", null);

        String message = validator.validate(days(TODAY, TODAY), ApprovalChain.single(annByMail), List.of(), TODAY).get(LeaveValidator.APPROVER);

        assertTrue(message.startsWith("LeaveBot's routing names you as your own approver"), message);
        // one known by a Slack id alone is the same person by that key (LeaveRequests turns a routing's Slack id the
        // address book keeps for the employee into the employee)
        Person annBySlack = Person.ofChatUser("slack", "U0ANN", null);
        LeaveSubmission bySlack = new LeaveSubmission("r-1", annBySlack, "annual", TODAY, TODAY, false, "trip");
        assertTrue(validator.validate(bySlack, ApprovalChain.single(Person.ofChatUser("slack", "U0ANN", "Ann")), List.of(), TODAY)
                .containsKey(LeaveValidator.APPROVER));
    }

    @Test
    void anOverlapWithPendingOrApprovedLeaveNamesItsDates() {
        List<LeaveRequest> overlaps = List.of(
                existing("r-9", ANN, TODAY.plusDays(4), TODAY.plusDays(4), LeaveStatus.APPROVED),
                existing("r-8", ANN, TODAY.plusDays(1), TODAY.plusDays(2), LeaveStatus.PENDING));

        String message = validator.validate(days(TODAY, TODAY.plusDays(5)), ApprovalChain.single(BEA), overlaps, TODAY).get(LeaveValidator.START);

        assertEquals("These dates overlap your annual leave from 2026-03-03 to 2026-03-04 (waiting for approval) and "
                + "your annual leave on 2026-03-06 (approved). Please choose other dates, or withdraw the pending request first.",
                message);
    }

    @Test
    void requestsThatMeetOnlyOnAHolidayOrAWeekendDoNotOverlap() {
        var bavaria = new WorkingCalendar(WorkingWeek.MONDAY_TO_FRIDAY, new Holidays(), "de", "by", Map.of());
        LocalDate today = LocalDate.of(2026, 12, 1);
        // Mon 21 – Fri 25 Dec and Fri 25 Dec – Thu 31 Dec share only Christmas Day
        List<LeaveRequest> christmas = List.of(existing("r-8", ANN, LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 25),
                LeaveStatus.APPROVED));
        var after = days(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 31));

        assertEquals(Map.of(), validator.validate(after, ApprovalChain.single(BEA), christmas, today, bavaria));
        assertTrue(validator.validate(days(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 31)), ApprovalChain.single(BEA),
                christmas, today, bavaria).containsKey(LeaveValidator.START), "24 December is a working day both take");
    }

    @Test
    void closedRequestsOtherPeoplesAndTheSubmissionItselfAreNoOverlap() {
        List<LeaveRequest> overlaps = List.of(
                existing("r-7", ANN, TODAY, TODAY, LeaveStatus.REJECTED),
                existing("r-6", ANN, TODAY, TODAY, LeaveStatus.CANCELLED),
                existing("r-5", ANN, TODAY, TODAY, LeaveStatus.EXPIRED),
                existing("r-4", BEA, TODAY, TODAY, LeaveStatus.APPROVED),
                existing("r-3", ANN, TODAY.plusDays(1), TODAY.plusDays(1), LeaveStatus.APPROVED),
                existing("r-1", ANN, TODAY, TODAY, LeaveStatus.PENDING));

        assertEquals(Map.of(), validator.validate(days(TODAY, TODAY), ApprovalChain.single(BEA), overlaps, TODAY));
    }

    @Test
    void aRequestWithNoWorkingDaysIsRefusedOnTheEndDate() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);

        assertEquals(Map.of(LeaveValidator.END, "2026-03-07 to 2026-03-08 has no working days. "
                + "Please pick dates that include a working day (Monday to Friday)."), validate(days(saturday, saturday.plusDays(1))));
        assertEquals(Map.of(LeaveValidator.END, "2026-03-08 is a Sunday, not a working day. "
                + "Please pick a working day (Monday to Friday)."), validate(days(saturday.plusDays(1), saturday.plusDays(1))));
        assertEquals(Map.of(), validate(days(saturday, saturday.plusDays(2))), "a weekend and the Monday after is fine");
    }

    @Test
    void aHalfDayOnANonWorkingDayIsRefused() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);

        assertEquals("2026-03-07 is a Saturday, not a working day. Please pick a working day (Monday to Friday).",
                validate(submission("annual", saturday, saturday, true, null)).get(LeaveValidator.END));
    }

    @Test
    void anEmployeeEmailBeyondTheRfcLimitsIsRefused() {
        String longest = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(63) + "." + "d".repeat(60) + ".org";
        assertEquals(254, longest.length());

        assertEquals(Map.of(), validate(new LeaveSubmission("r-1", Person.ofEmail(longest, null), "annual", TODAY, TODAY, false, null)));
        assertEquals("\"" + "x" + longest + "\" is 255 characters long, more than the 254 an e-mail address may have. "
                + "Please use the form name@example.com.", employeeError("x" + longest));
        assertEquals("\"" + "a".repeat(65) + "@example.com\" has 65 characters before the @, more than the 64 an e-mail "
                + "address may have there. Please use the form name@example.com.", employeeError("a".repeat(65) + "@example.com"));
    }

    private String employeeError(String email) {
        LeaveSubmission s = new LeaveSubmission("r-1", Person.ofEmail(email, null), "annual", TODAY, TODAY, false, null);
        return validator.validate(s, ApprovalChain.single(BEA), List.of(), TODAY).get(LeaveValidator.EMPLOYEE);
    }

    @Test
    void anEmployeeEmailThatIsNoAddressIsRefused() {
        LeaveSubmission s = new LeaveSubmission("r-1", Person.ofEmail("ann at example", null), "annual", TODAY, TODAY, false, null);

        assertEquals("\"ann at example\" does not look like an e-mail address. Please use the form name@example.com.",
                validator.validate(s, ApprovalChain.single(BEA), List.of(), TODAY).get(LeaveValidator.EMPLOYEE));
    }

    @Test
    void anIsoDateIsReadEvenWithSpacesAround() {
        LeaveValidator.ParsedDate parsed = LeaveValidator.parseDate(LeaveValidator.START, " 2026-05-04 ", TODAY);

        assertTrue(parsed.ok());
        assertEquals(LocalDate.of(2026, 5, 4), parsed.date());
    }

    @Test
    void aDateInAnotherFormatGetsTheSharedWordingWithAnExample() {
        LeaveValidator.ParsedDate parsed = LeaveValidator.parseDate(LeaveValidator.END, "4/5/2026", TODAY);

        assertFalse(parsed.ok());
        assertNull(parsed.date());
        assertEquals("\"4/5/2026\" is not a date we can read. Please write the end date as YYYY-MM-DD, for example 2026-03-09.",
                parsed.error());
    }

    @Test
    void aDateExampleIsAWorkingDaySoFollowingItWorks() {
        LocalDate saturday = LocalDate.of(2026, 3, 7);

        assertEquals("Please give the end date, for example 2026-03-16.",
                LeaveValidator.parseDate(LeaveValidator.END, " ", saturday).error());
    }

    @Test
    void anImpossibleDayAndAMissingDateAreToldApart() {
        assertEquals("2026-02-30 is not a day in the calendar. Please check the day and month of the start date.",
                LeaveValidator.parseDate(LeaveValidator.START, "2026-02-30", TODAY).error());
        assertEquals("Please give the start date, for example 2026-03-09.",
                LeaveValidator.parseDate(LeaveValidator.START, "", TODAY).error());
    }
}
