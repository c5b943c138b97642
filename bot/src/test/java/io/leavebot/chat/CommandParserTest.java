package io.leavebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.chat.LeaveCommand.Kind;
import io.leavebot.leave.LeavePolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 1, 5);
    private final CommandParser parser = new CommandParser(LeavePolicy.DEFAULT);

    private LeaveCommand parse(String text) {
        return parser.parse(text, TODAY);
    }

    @Test
    void nothingOpensTheForm() {
        assertEquals(Kind.FORM, parse("").kind());
        assertEquals(Kind.FORM, parse("   ").kind());
        assertEquals(Kind.FORM, parser.parse(null, TODAY).kind());
    }

    @Test
    void twoDatesAndAReasonAskForThoseDaysOfTheDefaultType() {
        LeaveCommand command = parse("2026-01-10 2026-01-20 Family trip");
        assertEquals(LeaveCommand.request("annual", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 20), "Family trip"), command);
    }

    @Test
    void oneDateAsksForThatDayAlone() {
        assertEquals(LeaveCommand.request("annual", LocalDate.of(2026, 1, 10), LocalDate.of(2026, 1, 10), null), parse("2026-01-10"));
    }

    @Test
    void todayAndTomorrowCountFromTheGivenDay() {
        assertEquals(LocalDate.of(2026, 1, 6), parse("tomorrow").start());
        assertEquals(LocalDate.of(2026, 1, 6), parse("Tomorrow").end());
        LeaveCommand range = parse("today to 2026-01-09 dentist, then rest");
        assertEquals(TODAY, range.start());
        assertEquals(LocalDate.of(2026, 1, 9), range.end());
        assertEquals("dentist, then rest", range.reason());
    }

    @Test
    void aLeadingWordBeforeADateIsTheLeaveType() {
        LeaveCommand sick = parse("Sick tomorrow  fever  and cough");
        assertEquals("Sick", sick.type());
        assertEquals("fever  and cough", sick.reason(), "the reason is kept as typed");
        assertEquals("holiday", parse("holiday 2026-01-12").type(), "the validator judges types it does not know");
    }

    @Test
    void wordsAfterTheDatesAreTheReasonEvenWhenTheyNameAType() {
        LeaveCommand command = parse("2026-01-12 sick child");
        assertEquals("annual", command.type());
        assertEquals("sick child", command.reason());
        assertEquals("to visit family", parse("2026-01-12 to visit family").reason(), "'to' without a date is part of the reason");
    }

    @Test
    void textThatIsNoDateSaysSoWithAnExample() {
        assertEquals(Kind.UNREADABLE, parse("next week please").kind());
        assertEquals("\"next\" is not a date we can read. Please write the start date as YYYY-MM-DD, for example 2026-01-12.",
                parse("next week please").problem());
        assertEquals("\"12/01/2026\" is not a date we can read. Please write the end date as YYYY-MM-DD, for example 2026-01-12.",
                parse("2026-01-10 12/01/2026").problem());
        assertEquals("2027-02-30 is not a day in the calendar. Please check the day and month of the start date.",
                parse("2027-02-30").problem());
        assertEquals("Please give the start date, for example 2026-01-12.", parse("sick").problem());
    }

    @Test
    void keywordsListBalanceCancelAndHelp() {
        assertEquals(Kind.LIST, parse("list").kind());
        assertEquals(Kind.HELP, parse("HELP").kind());
        assertEquals(Kind.BALANCE, parse("Balance").kind());
        assertEquals(Kind.BALANCE, parse("balances").kind());
        LeaveCommand cancel = parse("cancel 7mk2x-q9d4r");
        assertEquals(Kind.CANCEL, cancel.kind());
        assertEquals("7mk2x-q9d4r", cancel.requestId());
        assertNull(cancel.start());
    }

    @Test
    void cancelNeedsExactlyOneId() {
        assertEquals(Kind.UNREADABLE, parse("cancel").kind());
        assertEquals(Kind.UNREADABLE, parse("cancel a b").kind());
    }

    @Test
    void awayTakesTwoDaysAndTheRestAsTheStandIn() {
        LeaveCommand away = parse("Away 2027-01-10 to 2027-01-20 <@U123ABC|grace>");

        assertEquals(Kind.AWAY, away.kind());
        assertEquals(LocalDate.of(2027, 1, 10), away.start());
        assertEquals(LocalDate.of(2027, 1, 20), away.end());
        assertEquals("<@U123ABC|grace>", away.standIn());
    }

    @Test
    void oneDayIsAwayThatDayAndTomorrowIsRead() {
        LeaveCommand away = parse("away tomorrow grace@example.org");

        assertEquals(LocalDate.of(2026, 1, 6), away.start());
        assertEquals(away.start(), away.end());
        assertEquals("grace@example.org", away.standIn());
        assertNull(parse("away 2027-01-10 2027-01-20").standIn(), "the service says a stand-in is missing");
    }

    @Test
    void unreadableDaysAreNamedAsDaysAway() {
        assertEquals("\"next\" is not a date we can read. Please write the first day you are away as YYYY-MM-DD, "
                + "for example 2026-01-12.", parse("away next week @grace").problem());
        assertEquals("2027-02-30 is not a day in the calendar. Please check the day and month of the last day you are "
                + "away.", parse("away 2027-02-01 2027-02-30 @grace").problem());
    }

    @Test
    void awayAloneListsAndCancelTakesExactlyOneDay() {
        assertEquals(Kind.AWAY_LIST, parse("away").kind());
        assertEquals(Kind.AWAY_LIST, parse("standin").kind());
        LeaveCommand cancel = parse("away cancel 2027-01-10");
        assertEquals(Kind.AWAY_CANCEL, cancel.kind());
        assertEquals(LocalDate.of(2027, 1, 10), cancel.start());
        assertEquals("Please give the first day you are away, for example 2026-01-12.", parse("away cancel").problem());
        assertEquals("To cancel an away period, please give its first day and nothing else, for example: away cancel "
                + "2027-01-10.", parse("away cancel 2027-01-10 please").problem());
    }

    @Test
    void standinNamesSomeoneOrNobody() {
        assertEquals("<@U9>", parse("standin <@U9>").standIn());
        assertEquals(Kind.STAND_IN, parse("stand-in NONE").kind());
        assertNull(parse("stand-in NONE").standIn());
        assertNull(parse("standin nobody").standIn());
    }

    @Test
    void adjustTakesAPersonATypeASignedAmountAndTheRestAsTheReason() {
        assertEquals(LeaveCommand.adjust("<@U123ABC|sam>", "annual", new BigDecimal("2"), "Worked the Saturday of the release"),
                parse("adjust <@U123ABC|sam> annual +2 Worked the Saturday of the release"));
        LeaveCommand minus = parse("Adjust sam@example.com Annual -0.5  Half day taken before LeaveBot");
        assertEquals("sam@example.com", minus.person());
        assertEquals("annual", minus.type(), "a policy type is read in any case");
        assertEquals(0, new BigDecimal("-0.5").compareTo(minus.amount()));
        assertEquals("Half day taken before LeaveBot", minus.reason());
        assertEquals(0, new BigDecimal("-1.25").compareTo(parse("adjust a@example.com annual \u22121.25 as replies write it").amount()));
        assertEquals(new BigDecimal("3"), parse("adjust a@example.com holiday 3 Overtime").amount(), "no sign adds");
        assertEquals("holiday", parse("adjust a@example.com holiday 3 Overtime").type(), "the employee's policy judges it");
    }

    @Test
    void aMentionWithSpacesIsOnePerson() {
        LeaveCommand adjust = parse("adjust <@U123ABC|Sam Rivera> annual 1 Overtime");
        assertEquals("<@U123ABC|Sam Rivera>", adjust.person());
        assertEquals("annual", adjust.type());
    }

    @Test
    void anAdjustmentThatCannotBeReadSaysWhatIsMissingAndShowsTheForm() {
        String form = " Please type the person, the leave type, the amount and why, for example: adjust @colleague "
                + "annual +2 Worked the Saturday of the release.";
        assertEquals("To adjust a balance, say whose it is, the leave type, the days to add (or take away, with a minus) "
                + "and why." + form, parse("adjust").problem());
        assertEquals("Please give the leave type, the amount and why after the person." + form, parse("adjust @sam").problem());
        assertEquals("Please name both the person and the leave type before the amount." + form,
                parse("adjust annual +2 Overtime").problem());
        assertEquals("Please give the days to add (such as +2) or to take away (such as -0.5) after the leave type." + form,
                parse("adjust @sam annual").problem());
        assertEquals("\"two\" is not an amount LeaveBot can read: please write a number with a point for decimals, such "
                + "as +2 or -0.5." + form, parse("adjust @sam annual two Overtime").problem());
        assertEquals(Kind.UNREADABLE, parse("adjust @sam annual 0,5 Overtime").kind());
        assertEquals("Please say why after the amount: the reason is kept with the adjustment." + form,
                parse("adjust @sam annual +2").problem());
    }

    @Test
    void anAdjustmentOfNothingTooMuchOrTooFineIsRefused() {
        for (String amount : new String[] {"0", "-0.00", "10000", "0.125"}) {
            LeaveCommand adjust = parse("adjust @sam annual " + amount + " Overtime");
            assertEquals(Kind.UNREADABLE, adjust.kind(), amount);
            assertTrue(adjust.problem().startsWith(amount + " cannot be an adjustment: please give an amount other than 0, "
                    + "below 10000, with at most two decimals"), adjust.problem());
        }
        assertEquals("The reason is 501 characters long; please keep it to 500 characters or fewer.",
                parse("adjust @sam annual 1 " + "x".repeat(501)).problem());
    }

    @Test
    void connectAndDisconnectStandAlone() {
        assertEquals(Kind.CONNECT, parse("connect").kind());
        assertEquals(Kind.DISCONNECT, parse("Disconnect").kind());
        LeaveCommand extra = parse("connect now please");
        assertEquals(Kind.UNREADABLE, extra.kind());
        assertEquals("Please type connect alone, with nothing after it.", extra.problem());
    }

    @Test
    void whosOutAsksAboutTodayOrTheDayTyped() {
        assertEquals(LeaveCommand.whosOut(TODAY), parse("whosout"));
        assertEquals(LeaveCommand.whosOut(TODAY.plusDays(1)), parse("whosout tomorrow"));
        assertEquals(LeaveCommand.whosOut(LocalDate.of(2026, 1, 19)), parse("WhosOut 2026-01-19"));
        assertEquals(Kind.UNREADABLE, parse("whosout 2026-13-40").kind());
        assertEquals("Please give one day and nothing else, for example: whosout 2026-01-19.",
                parse("whosout 2026-01-19 and after").problem());
    }

    @Test
    void calendarGivesTheLinksAndRotateReplacesThem() {
        assertEquals(Kind.CALENDAR, parse("calendar").kind());
        assertEquals(Kind.CALENDAR_ROTATE, parse("calendar rotate").kind());
        assertEquals(Kind.UNREADABLE, parse("calendar delete").kind());
    }

    @Test
    void aReportCoversAMonthOrThePeriodTyped() {
        assertEquals(LeaveCommand.report(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)), parse("report 2027-01"));
        assertEquals(LeaveCommand.report(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)), parse("report 2028-02"));
        assertEquals(LeaveCommand.report(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)), parse("report 2026-01-01 to 2026-03-31"));
        assertEquals("2027-13 is not a month. For example: report 2025-12, or report 2026-01-01 to 2026-01-05.",
                parse("report 2027-13").problem());
        assertTrue(parse("report").problem().startsWith("Please give the report's month or its first and last day."));
        assertTrue(parse("report 2026-03-31 to 2026-01-01").problem()
                .startsWith("The report's last day (2026-01-01) is before its first day (2026-03-31)."));
        assertEquals(Kind.UNREADABLE, parse("report 2027-01 for payroll").kind());
    }
}
