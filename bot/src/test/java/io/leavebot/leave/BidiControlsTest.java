package io.leavebot.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Bidirectional controls never get into a request: the domain records drop them, whichever channel built them. */
class BidiControlsTest {
    /** Every embedding, override and isolate control, with its terminators. */
    private static final String ALL = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final Person BEA = Person.ofEmail("bea@example.com", "Bea");

    @Test
    void aSubmissionLosesThemFromItsReasonAndType() {
        var s = new LeaveSubmission("r-1", BEA, "annual\u202E", MONDAY, MONDAY, false, "Dentist \u202Eyadsruht" + ALL);

        assertEquals("Dentist yadsruht", s.reason());
        assertEquals("annual", s.type());
    }

    @Test
    void aRecordedRequestLosesThemFromItsReasonEvenWhenStoredWithThem() {
        Instant at = Instant.parse("2026-02-01T10:00:00Z");
        var leave = new LeaveRequest("r-1", BEA, ApprovalChain.single(BEA), "annual", MONDAY, MONDAY, false, "Family \u2067visit\u2069",
                LeaveStatus.PENDING, at, at, null, "leave-r-1");

        assertEquals("Family visit", leave.reason());
    }

    @Test
    void aDecisionLosesThemFromItsComment() {
        assertEquals("Busy week", new Decision(BEA, Instant.EPOCH, "Busy \u202Dweek" + ALL).comment());
    }

    @Test
    void aPersonLosesThemFromTheNameAndANameOfNothingElseIsNoName() {
        assertEquals("Ada Lovelace", Person.ofChatUser("slack", "U0ADA", "Ada \u202ELovelace").displayName());
        Person onlyControls = Person.ofEmail("ada@example.com", " " + ALL + " ");
        assertNull(onlyControls.displayName());
        assertEquals("ada@example.com", onlyControls.name());
    }

    @Test
    void theDirectionMarksThatRightToLeftWritersNeedStay() {
        String marked = "\u05E9\u05DC\u05D5\u05DD\u200F (Shalom)\u200E \u0645\u0631\u062D\u0628\u0627\u061C";

        assertEquals(marked, new Decision(BEA, Instant.EPOCH, marked).comment());
    }
}
