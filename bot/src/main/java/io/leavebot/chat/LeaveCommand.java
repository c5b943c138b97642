package io.leavebot.chat;

import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What someone asked for by typing {@code /leave …}, as read by {@link CommandParser}. Which fields are set
 * depends on the {@link Kind}.
 *
 * @param type      REQUEST: the leave type as typed (the validator judges it); ADJUST: the type as typed, in the
 *                  policy's spelling when it names one of its types (the employee's balance policy judges it)
 * @param start     REQUEST: the first day; AWAY, AWAY_CANCEL: the first day away; WHOS_OUT: the day asked about;
 *                  REPORT: the period's first day
 * @param end       REQUEST: the last day (the first day when only one date was typed); AWAY: the last day away;
 *                  REPORT: the period's last day
 * @param reason    REQUEST: the rest of the text, or null; ADJUST: why, never empty
 * @param requestId CANCEL: the id of the request to withdraw or cancel
 * @param problem   UNREADABLE: why the text could not be read, worded for the person who typed it
 * @param standIn   AWAY, STAND_IN: the stand-in as typed (a chat mention or an e-mail address, which the front end
 *                  resolves), or null when none was typed (for STAND_IN: "none")
 * @param person    ADJUST: whose balance, as typed (a chat mention or an e-mail address, which the front end
 *                  resolves as it does a stand-in)
 * @param amount    ADJUST: what to add to the balance, in the type's unit (negative takes away); never zero
 */
public record LeaveCommand(Kind kind, String type, LocalDate start, LocalDate end, String reason, String requestId,
        String problem, String standIn, String person, BigDecimal amount) {

    public enum Kind {
        /** No text: open the request form. */
        FORM,
        /** Dates (and perhaps a type and a reason): submit a request straight away. */
        REQUEST,
        /** {@code list}: the employee's own requests. */
        LIST,
        /** {@code cancel <id>}: withdraw a request that is still waiting, or cancel approved leave that has not started. */
        CANCEL,
        /** {@code balance}: how much leave of each type is left, and the next days off. */
        BALANCE,
        /** {@code away DAY [to DAY] STAND-IN}: the approver is away those days, and the stand-in decides for them. */
        AWAY,
        /** {@code away} or {@code standin} alone: the approver's away periods and standing stand-in. */
        AWAY_LIST,
        /** {@code away cancel DAY}: cancels the away period starting that day. */
        AWAY_CANCEL,
        /** {@code standin STAND-IN | none}: who decides while the approver is on approved leave. */
        STAND_IN,
        /** {@code adjust PERSON TYPE AMOUNT REASON}: an admin adds to (or takes from) someone's balance. */
        ADJUST,
        /** {@code connect}: link the person's Slack account, so their status says when they are on leave. */
        CONNECT,
        /** {@code disconnect}: forget the Slack account linked by {@code connect}. */
        DISCONNECT,
        /** {@code whosout [DAY]}: who is out that day (today when none is typed) and in the rest of its week. */
        WHOS_OUT,
        /** {@code calendar}: the person's own and their team's calendar feed links (iCalendar). */
        CALENDAR,
        /** {@code calendar rotate}: new calendar feed links; the old ones stop working. */
        CALENDAR_ROTATE,
        /** {@code report YYYY-MM} or {@code report DAY [to] DAY}: (admins) a signed link to the leave report of that period. */
        REPORT,
        /** {@code help}: what can be typed. */
        HELP,
        /** Text that is none of the above. */
        UNREADABLE
    }

    static LeaveCommand of(Kind kind) {
        return new LeaveCommand(kind, null, null, null, null, null, null, null, null, null);
    }

    static LeaveCommand request(String type, LocalDate start, LocalDate end, String reason) {
        return new LeaveCommand(Kind.REQUEST, type, start, end, reason, null, null, null, null, null);
    }

    static LeaveCommand cancel(String requestId) {
        return new LeaveCommand(Kind.CANCEL, null, null, null, null, requestId, null, null, null, null);
    }

    static LeaveCommand unreadable(String problem) {
        return new LeaveCommand(Kind.UNREADABLE, null, null, null, null, null, problem, null, null, null);
    }

    static LeaveCommand away(LocalDate from, LocalDate to, String standIn) {
        return new LeaveCommand(Kind.AWAY, null, from, to, null, null, null, standIn, null, null);
    }

    static LeaveCommand awayCancel(LocalDate from) {
        return new LeaveCommand(Kind.AWAY_CANCEL, null, from, null, null, null, null, null, null, null);
    }

    static LeaveCommand standIn(String standIn) {
        return new LeaveCommand(Kind.STAND_IN, null, null, null, null, null, null, standIn, null, null);
    }

    static LeaveCommand whosOut(LocalDate day) {
        return new LeaveCommand(Kind.WHOS_OUT, null, day, null, null, null, null, null, null, null);
    }

    static LeaveCommand report(LocalDate from, LocalDate to) {
        return new LeaveCommand(Kind.REPORT, null, from, to, null, null, null, null, null, null);
    }

    static LeaveCommand adjust(String person, String type, BigDecimal amount, String reason) {
        return new LeaveCommand(Kind.ADJUST, type, null, null, reason, null, null, null, person, amount);
    }

    /** A REQUEST as the submission it stands for (whole days: half days are asked for in the form). */
    public LeaveSubmission toSubmission(String requestId, Person employee) {
        if (kind != Kind.REQUEST) {
            throw new IllegalStateException("only a REQUEST is a submission, not " + kind);
        }
        return new LeaveSubmission(requestId, employee, type, start, end, false, reason);
    }
}
