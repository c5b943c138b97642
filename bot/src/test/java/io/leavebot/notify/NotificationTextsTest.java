package io.leavebot.notify;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.Unit;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationText.Action;
import io.leavebot.notify.NotificationText.Detail;
import io.leavebot.testing.SampleLeaves;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {
    private final NotificationTexts texts = new NotificationTexts(ZoneOffset.UTC);

    @Test
    void receiptThanksTheEmployeeAndSaysWhoDecides() {
        NotificationText text = texts.of(Notification.of(Kind.RECEIPT, SampleLeaves.pending()));

        assertEquals("Leave request received: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Hi Ada Lovelace,", text.greeting());
        assertEquals("Thank you — your request for 5 working days of annual leave has been sent to Grace Hopper for "
                + "approval.", text.paragraphs().get(0));
        assertEquals(List.of(new Detail("Dates", "Mon 12 Jan 2026 – Fri 16 Jan 2026"),
                new Detail("Length", "5 working days"), new Detail("Type", "Annual leave"),
                new Detail("Reason", "Family visit"), new Detail("Status", "Waiting for Grace Hopper's decision")),
                text.details());
        assertFalse(text.hasActions());
    }

    @Test
    void theBalanceIsTheLastDetailAndSpeaksToWhoeverReadsIt() {
        BalanceNote after = new BalanceNote("annual", Unit.DAYS, "2026", true, new BigDecimal("7"), new BigDecimal("25"),
                new BigDecimal("18"));

        NotificationText ask = texts.of(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID,
                0, List.of(), after));
        NotificationText outcome = texts.of(Notification.of(Kind.OUTCOME, SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null))
                .withBalance(after));
        NotificationText receipt = texts.of(Notification.of(Kind.RECEIPT, SampleLeaves.pending()).withBalance(after));

        assertEquals(new Detail("Balance", "Ada Lovelace will have 7 of 25 days of annual leave left in 2026"),
                ask.details().get(ask.details().size() - 1));
        assertEquals("You have 7 of 25 days of annual leave left in 2026", detail(outcome, "Balance"));
        assertEquals("You will have 7 of 25 days of annual leave left in 2026 once it is approved", detail(receipt, "Balance"));
    }

    @Test
    void approvalRequestAsksTheApproverToDecide() {
        NotificationText text = approvalRequest(List.of());

        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Hi Grace Hopper,", text.greeting());
        assertEquals("Ada Lovelace asks for 5 working days of annual leave.", text.paragraphs().get(0));
        assertEquals(List.of(new Action(LeaveStatus.APPROVED, "Approve"), new Action(LeaveStatus.REJECTED, "Reject")),
                text.actions());
        assertEquals("Nobody else whose leave you approve is away on these days", detail(text, "Also away"));
    }

    @Test
    void approvalRequestNamesWhoElseIsAway() {
        LeaveRequest alan = SampleLeaves.request("req-other", ALAN, LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 15),
                false, null).withStatus(LeaveStatus.APPROVED, null, SampleLeaves.DECIDED);

        NotificationText text = approvalRequest(List.of(alan));

        assertEquals("Alan Turing (Wed 14 Jan 2026 – Thu 15 Jan 2026, approved)", detail(text, "Also away"));
    }

    @Test
    void reminderSaysWhichReminderItIsAndWhatHappensIfNobodyDecides() {
        Notification reminder = new Notification(Kind.REMINDER, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 2, List.of());

        NotificationText text = texts.of(reminder);

        assertEquals("Reminder: Ada Lovelace's leave request is waiting for you (Mon 12 Jan 2026 – Fri 16 Jan 2026)",
                text.title());
        assertEquals("This is the second reminder: Ada Lovelace asked on Mon 5 Jan 2026 for 5 working days of annual "
                + "leave and is still waiting for your decision.", text.paragraphs().get(0));
        assertTrue(text.paragraphs().get(1).contains("it expires and Ada Lovelace is told"));
        assertTrue(text.hasActions());
    }

    @Test
    void approvalIsGoodNewsWithWhoAndWhen() {
        NotificationText text = outcome(SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null));

        assertEquals("Your leave is approved: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Good news: Grace Hopper approved your 5 working days of annual leave.", text.paragraphs().get(0));
        assertEquals("Approved by Grace Hopper on Tue 6 Jan 2026, 14:05 UTC", detail(text, "Status"));
        assertEquals(null, detail(text, "Comment"));
    }

    @Test
    void rejectionCarriesTheApproversComment() {
        NotificationText text = outcome(SampleLeaves.decided(LeaveStatus.REJECTED, GRACE, "Release week, sorry."));

        assertEquals("Your leave request was not approved: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Grace Hopper rejected your request for 5 working days of annual leave. Grace Hopper's comment is below.",
                text.paragraphs().get(0));
        assertEquals("Release week, sorry.", detail(text, "Comment"));
        assertEquals("Rejected by Grace Hopper on Tue 6 Jan 2026, 14:05 UTC", detail(text, "Status"));
    }

    @Test
    void rejectionWithoutCommentSaysSoAndWhomToAsk() {
        NotificationText text = outcome(SampleLeaves.decided(LeaveStatus.REJECTED, GRACE, "  "));

        assertTrue(text.paragraphs().get(0).endsWith("No comment was given."));
        assertTrue(text.paragraphs().get(1).startsWith("If you have questions, please talk to Grace Hopper."));
    }

    @Test
    void expiryTellsTheEmployeeNothingWasBookedAndWhatToDo() {
        NotificationText text = outcome(SampleLeaves.expired());

        assertEquals("Your leave request expired: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Grace Hopper did not decide on your request for 5 working days of annual leave in time, so it has "
                + "expired and no leave was booked.", text.paragraphs().get(0));
        assertEquals("Expired on Tue 6 Jan 2026, 14:05 UTC without a decision", detail(text, "Status"));
    }

    @Test
    void withdrawalConfirmsNothingWasBooked() {
        NotificationText text = outcome(SampleLeaves.decided(LeaveStatus.CANCELLED, ADA, null));

        assertEquals("Your leave request is withdrawn: Mon 12 Jan 2026 – Fri 16 Jan 2026", text.title());
        assertEquals("Withdrawn by Ada Lovelace on Tue 6 Jan 2026, 14:05 UTC", detail(text, "Status"));
    }

    @Test
    void approverUpdateReplacesTheActionsWithTheOutcome() {
        assertEquals("You approved Ada Lovelace's leave: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                update(SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null)).title());
        assertEquals("Alan Turing approved Ada Lovelace's leave: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                update(SampleLeaves.decided(LeaveStatus.APPROVED, ALAN, null)).title());
        NotificationText rejected = update(SampleLeaves.decided(LeaveStatus.REJECTED, GRACE, "Release week"));
        assertEquals("Ada Lovelace has been told, with the comment below. There is nothing more for you to do.",
                rejected.paragraphs().get(0));
        assertEquals("Release week", detail(rejected, "Comment"));
        assertEquals("Ada Lovelace's leave request expired: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                update(SampleLeaves.expired()).title());
        NotificationText withdrawn = update(SampleLeaves.decided(LeaveStatus.CANCELLED, ADA, null));
        assertEquals("Ada Lovelace withdrew the leave request: Mon 12 Jan 2026 – Fri 16 Jan 2026", withdrawn.title());
        assertFalse(withdrawn.hasActions());
    }

    @Test
    void aSecondStepSaysWhichStepHowTheGroupDecidesAndWhatWasDecidedBefore() {
        NotificationText text = texts.of(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.atSecondStage(), "cb-hr-1", 0, List.of()));

        assertEquals("Hi Hana HR,", text.greeting());
        assertEquals(List.of("Ada Lovelace asks for 5 working days of annual leave.",
                "Step 2 of 2 — HR: any one of HR decides.",
                "Please approve or reject the request. Ada Lovelace will be told your decision right away."), text.paragraphs());
        assertEquals("Step 1 — Grace Hopper: approved Mon 5 Jan 2026", detail(text, "Earlier steps"));
    }

    @Test
    void aGroupThatMustAllApproveSaysHowManyHave() {
        NotificationText text = texts.of(new Notification(Kind.REMINDER, SampleLeaves.partlyApprovedByFinance(), "cb-fin-2", 1, List.of()));

        assertEquals("Hi Ivan HR,", text.greeting());
        assertEquals("Step 2 of 2 — Finance: all of Finance must approve; 1 of 3 have.", text.paragraphs().get(1));
        assertEquals("Step 1 — Grace Hopper: approved Mon 5 Jan 2026, “fine”", detail(text, "Earlier steps"));
    }

    @Test
    void aStandInIsToldWhomTheyDecideFor() {
        NotificationText text = texts.of(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.standingIn(), SampleLeaves.CALLBACK_ID, 0, List.of()));

        assertEquals("Hi Bea Baker,", text.greeting());
        assertEquals("You decide for Grace Hopper, who is away.", text.paragraphs().get(1));
        assertEquals("Waiting for Bea Baker's decision — Bea Baker decides while Grace Hopper is away",
                detail(texts.of(Notification.of(Kind.RECEIPT, SampleLeaves.standingIn())), "Status"));
    }

    @Test
    void anEscalatedRequestSaysWhyItCameAndThatItExpiresNext() {
        NotificationText text = texts.of(new Notification(Kind.REMINDER, SampleLeaves.escalated(), "cb-escalated", 1, List.of()));

        assertEquals("Hi Alan Turing,", text.greeting());
        assertEquals("Grace Hopper did not answer in time, so it comes to you.", text.paragraphs().get(1));
        assertTrue(text.paragraphs().get(2).endsWith("If it is not decided in time, it expires and Ada Lovelace is told."));
        NotificationText toGrace = texts.of(new Notification(Kind.REMINDER, SampleLeaves.escalated(), SampleLeaves.CALLBACK_ID, 1, List.of()));
        assertTrue(toGrace.paragraphs().get(1).endsWith("If it is not decided in time, it goes to Alan Turing."), toGrace.paragraphs().toString());
        assertEquals("Waiting for Alan Turing's decision", detail(texts.of(Notification.of(Kind.RECEIPT, SampleLeaves.escalated())), "Status"));
    }

    @Test
    void theEmployeeHearsTheChainFromReceiptToOutcome() {
        assertTrue(texts.of(Notification.of(Kind.RECEIPT, SampleLeaves.atFirstOfTwoStages())).paragraphs().get(0)
                .endsWith("has been sent to Grace Hopper for approval, then HR."));
        assertEquals("Good news: Grace Hopper approved your request for 5 working days of annual leave; it is now with HR.",
                texts.of(new Notification(Kind.PROGRESS, SampleLeaves.atSecondStage(), null, 1, List.of())).paragraphs().get(0));
        NotificationText approved = outcome(SampleLeaves.approvedThroughTheChain());
        assertEquals("Good news: your request for 5 working days of annual leave is approved by Grace Hopper, then by Hana HR "
                + "for HR.", approved.paragraphs().get(0));
        assertEquals("Step 1 — Grace Hopper: approved Mon 5 Jan 2026", detail(approved, "Earlier steps"));
        assertEquals("Approved by Hana HR on Tue 6 Jan 2026, 14:05 UTC", detail(approved, "Status"));
    }

    @Test
    void anAutomaticApprovalSaysWhyAndNamesNobodyAsTheDecider() {
        NotificationText toAda = outcome(SampleLeaves.approvedAutomatically());
        NotificationText toGrace = update(SampleLeaves.approvedAutomatically());

        assertEquals("Good news: your request for 5 working days of annual leave is approved: annual leave of up to 5 days "
                + "is approved automatically.", toAda.paragraphs().get(0));
        assertEquals("Approved on Tue 6 Jan 2026, 14:05 UTC: annual leave of up to 5 days is approved automatically",
                detail(toAda, "Status"));
        assertEquals(null, detail(toAda, "Comment"), "the rule is not a person's comment");
        assertEquals("Ada Lovelace's leave was approved automatically: Mon 12 Jan 2026 – Fri 16 Jan 2026", toGrace.title());
    }

    @Test
    void aRequestNobodyAnsweredInTimeReadsAsApprovedAutomatically() {
        LeaveRequest leave = SampleLeaves.pending().withStatus(LeaveStatus.APPROVED,
                Decision.automatic(SampleLeaves.DECIDED, "nobody answered within 3 days"), SampleLeaves.DECIDED);

        NotificationText text = outcome(leave);

        assertEquals("Good news: your request for 5 working days of annual leave is approved automatically: nobody answered "
                + "within 3 days.", text.paragraphs().get(0));
        assertEquals("Approved automatically on Tue 6 Jan 2026, 14:05 UTC: nobody answered within 3 days", detail(text, "Status"));
    }

    @Test
    void aStepApprovedAutomaticallyReadsSoInProgressAndEarlierSteps() {
        LeaveRequest second = SampleLeaves.atSecondStage();
        Decision nobody = Decision.automatic(SampleLeaves.CREATED.plusSeconds(3_600), "nobody answered within 3 days");
        LeaveRequest leave = second.withChain(second.chain().withStage(1, s -> s.withApprover(0, p -> p.answering(null, null))
                .decided(LeaveStatus.APPROVED, nobody)));

        NotificationText progress = texts.of(new Notification(Kind.PROGRESS, leave, null, 1, List.of()));

        assertEquals("Good news: your request for 5 working days of annual leave was approved automatically at step 1; it "
                + "is now with HR.", progress.paragraphs().get(0));
        assertEquals("Step 1 — approved automatically Mon 5 Jan 2026 (nobody answered within 3 days)",
                detail(progress, "Earlier steps"));
        assertEquals("Ada Lovelace's leave request was approved automatically at step 1: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                texts.of(new Notification(Kind.APPROVER_UPDATE, leave, SampleLeaves.CALLBACK_ID, 0, List.of())).title());
    }

    @Test
    void theOldButtonsOfADelegatedRequestSayWhoHasItNow() {
        LeaveRequest delegated = SampleLeaves.askedWith(SampleLeaves.pending(), SampleLeaves.CALLBACK_ID);
        delegated = delegated.withChain(delegated.chain().withStage(1, s -> s.withApprover(0, p -> p.asking(SampleLeaves.BEA, "cb-new", "k2"))));

        NotificationText text = texts.of(new Notification(Kind.APPROVAL_REPLACED, delegated, SampleLeaves.CALLBACK_ID, 0, List.of()));

        assertEquals("Now with Bea Baker: Ada Lovelace's leave request (Mon 12 Jan 2026 – Fri 16 Jan 2026)", text.title());
        assertEquals("Hi Grace Hopper,", text.greeting());
        assertEquals("These buttons no longer work: Bea Baker decides this request while Grace Hopper is away, and was sent "
                + "it in a newer message. There is nothing more for you to do here.", text.paragraphs().get(0));
        LeaveRequest back = delegated.withChain(delegated.chain().withStage(1, s -> s.withApprover(0, p -> p.asking(null, "cb-3", "k3"))));
        assertEquals("These buttons no longer work: the request was sent again to Grace Hopper in a newer message, where it "
                + "can be decided.", texts.of(new Notification(Kind.APPROVAL_REPLACED, back, "cb-new", 0, List.of())).paragraphs().get(0));
    }

    @Test
    void aSingleApproverRequestSaysNothingOfSteps() {
        for (Kind kind : List.of(Kind.APPROVAL_REQUEST, Kind.REMINDER, Kind.APPROVAL_REQUEST_AGAIN)) {
            NotificationText text = texts.of(new Notification(kind, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of()));
            assertEquals(2, text.paragraphs().size(), kind + ": " + text.paragraphs());
            assertEquals(null, detail(text, "Earlier steps"));
        }
    }

    @Test
    void anOutcomeOfAPendingRequestIsAProgrammingError() {
        Notification pending = Notification.of(Kind.OUTCOME, SampleLeaves.pending());

        assertThrows(IllegalArgumentException.class, () -> texts.of(pending));
    }

    @Test
    void noTextShowsRawIdsOrTechnicalWords() {
        LeaveRequest rejected = SampleLeaves.decided(LeaveStatus.REJECTED, GRACE, "No");
        List<Notification> all = List.of(Notification.of(Kind.RECEIPT, SampleLeaves.pending()),
                approvalRequestNotification(List.of(rejected)),
                new Notification(Kind.REMINDER, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of()),
                Notification.of(Kind.OUTCOME, rejected), Notification.of(Kind.APPROVER_UPDATE, SampleLeaves.expired()));

        for (Notification notification : all) {
            String words = everything(texts.of(notification));
            for (String raw : List.of(SampleLeaves.REQUEST_ID, SampleLeaves.CALLBACK_ID, "leave-", "U01ADA", "U02GRACE",
                    "null", "Exception", "PENDING", "REJECTED", "EXPIRED")) {
                assertFalse(words.contains(raw), notification.kind() + " shows '" + raw + "': " + words);
            }
        }
    }

    private static String everything(NotificationText text) {
        StringBuilder all = new StringBuilder(text.title()).append('\n').append(text.greeting());
        text.paragraphs().forEach(p -> all.append('\n').append(p));
        text.details().forEach(d -> all.append('\n').append(d.label()).append(": ").append(d.value()));
        text.actions().forEach(a -> all.append('\n').append(a.label()));
        return all.toString();
    }

    private Notification approvalRequestNotification(List<LeaveRequest> alsoAway) {
        return new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0, alsoAway);
    }

    private NotificationText approvalRequest(List<LeaveRequest> alsoAway) {
        return texts.of(approvalRequestNotification(alsoAway));
    }

    private NotificationText outcome(LeaveRequest leave) {
        return texts.of(Notification.of(Kind.OUTCOME, leave));
    }

    private NotificationText update(LeaveRequest leave) {
        return texts.of(Notification.of(Kind.APPROVER_UPDATE, leave));
    }

    static String detail(NotificationText text, String label) {
        return text.details().stream().filter(d -> d.label().equals(label)).map(Detail::value).findFirst().orElse(null);
    }
}
