package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.Unit;
import io.leavebot.email.Verified.Status;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailRendererTest {
    static final Instant LINKS_EXPIRE = SampleLeaves.CREATED.plus(Duration.ofDays(3));

    private final DecisionLinks links = new DecisionLinks(DecisionLinksTest.SECRET, "http://127.0.0.1:3000/decide");
    private final EmailRenderer renderer = new EmailRenderer(new NotificationTexts(ZoneOffset.UTC), links,
            "LeaveBot <leavebot@example.org>", Duration.ofDays(3));

    @Test
    void anApprovalRequestGoesToTheApproverWithSignedLinksInBothParts() {
        Email email = renderer.render(approvalRequest(SampleLeaves.pending()), "leave-req-7f3a9c/manager-approval");

        assertEquals("grace@example.org", email.to());
        assertEquals("LeaveBot <leavebot@example.org>", email.from());
        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", email.subject());
        assertEquals("leave-req-7f3a9c/manager-approval", email.idempotencyKey());
        SentLinks sent = SentLinks.in(email.text());
        assertLinkDecides(sent.approve(), LeaveStatus.APPROVED);
        assertLinkDecides(sent.reject(), LeaveStatus.REJECTED);
        assertTrue(email.html().contains("<a href=\"" + sent.approve() + "\""), email.html());
        assertTrue(email.html().contains("<a href=\"" + sent.reject() + "\""), email.html());
        assertTrue(email.text().contains("These links work until Thu 8 Jan 2026, 09:00 UTC, when"), email.text());
        assertTrue(email.text().contains("decision API with its callback id: " + SampleLeaves.CALLBACK_ID), email.text());
        assertTrue(email.html().contains("callback id: " + SampleLeaves.CALLBACK_ID), email.html());
    }

    @Test
    void askedAgainTheApproverGetsLinksForTheNewCallbackOnly() {
        Notification again = new Notification(Kind.APPROVAL_REQUEST_AGAIN, SampleLeaves.pending(), "cb-round-2", 0, List.of());

        Email email = renderer.render(again, "leave-req-7f3a9c/ask-approver-2");

        assertTrue(email.subject().startsWith("Please decide again: "), email.subject());
        Verified verified = links.verify(token(SentLinks.in(email.text()).approve()), SampleLeaves.CREATED);
        assertTrue(verified.isFor("cb-round-2"));
        assertFalse(verified.isFor(SampleLeaves.CALLBACK_ID), "the first round's callback no longer answers");
    }

    @Test
    void aWaitingRequestsReceiptCarriesAWithdrawLink() {
        Email email = renderer.render(Notification.of(Kind.RECEIPT, SampleLeaves.pending()), "leave-req-7f3a9c/send-receipt");

        String link = SentLinks.withdrawIn(email.text());
        Verified verified = links.verify(token(link), SampleLeaves.CREATED);
        assertEquals(new Verified(Status.VALID, SampleLeaves.REQUEST_ID, LeaveStatus.CANCELLED, LINKS_EXPIRE, null), verified);
        assertTrue(email.html().contains("<a href=\"" + link + "\""), email.html());
        assertTrue(email.text().contains("This link withdraws the request while it waits"), email.text());
    }

    @Test
    void theTextPartReadsWellOnItsOwn() {
        String text = renderer.render(approvalRequest(SampleLeaves.pending()), "k").text();

        assertTrue(text.startsWith("Hi Grace Hopper,\n\nAda Lovelace asks for 5 working days of annual leave.\n\n"), text);
        assertTrue(text.contains("\nDates:     Mon 12 Jan 2026 – Fri 16 Jan 2026\n"), text);
        assertTrue(text.contains("\nReason:    Family visit\n"), text);
        assertTrue(text.endsWith("\n-- \n" + new NotificationTexts(ZoneOffset.UTC).signature() + "\n"), text);
    }

    @Test
    void receiptOutcomeAndApprovalStateTheBalanceInBothParts() {
        BalanceNote left = new BalanceNote("annual", Unit.DAYS, "2026", true, new BigDecimal("20"), new BigDecimal("25"),
                new BigDecimal("5"));
        LeaveRequest approved = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null);

        Email receipt = renderer.render(Notification.of(Kind.RECEIPT, SampleLeaves.pending()).withBalance(left), "k");
        Email outcome = renderer.render(Notification.of(Kind.OUTCOME, approved).withBalance(left), "k");
        Email ask = renderer.render(approvalRequest(SampleLeaves.pending()).withBalance(left), "k");

        assertTrue(receipt.text().contains("Balance: You will have 20 of 25 days of annual leave left in 2026 once it is approved"),
                receipt.text());
        assertTrue(outcome.text().contains("You have 20 of 25 days of annual leave left in 2026"), outcome.text());
        assertTrue(outcome.html().contains("You have 20 of 25 days of annual leave left in 2026"), outcome.html());
        assertTrue(ask.html().contains("Ada Lovelace will have 20 of 25 days of annual leave left in 2026"), ask.html());
    }

    @Test
    void aReminderCarriesTheSameLinks() {
        Notification reminder = new Notification(Kind.REMINDER, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of());

        Email email = renderer.render(reminder, "leave-req-7f3a9c/reminder-1");

        assertLinkDecides(SentLinks.in(email.text()).approve(), LeaveStatus.APPROVED);
        assertTrue(email.subject().startsWith("Reminder: "));
    }

    @Test
    void messagesWithNothingToDecideHaveNoLinks() {
        LeaveRequest approved = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null);
        for (Notification n : List.of(Notification.of(Kind.RECEIPT, approved), Notification.of(Kind.OUTCOME, approved),
                Notification.of(Kind.APPROVER_UPDATE, approved), Notification.of(Kind.APPROVAL_REPLACED, SampleLeaves.pending()))) {
            Email email = renderer.render(n, "k");
            assertFalse(email.text().contains("token="), n.kind() + ": " + email.text());
            assertFalse(email.html().contains("<a "), n.kind() + ": " + email.html());
        }
        assertEquals("ada@example.org", renderer.render(Notification.of(Kind.OUTCOME, approved), "k").to());
    }

    @Test
    void whatUsersTypedIsEscapedInHtmlAndKeptInText() {
        String reason = "<script>alert(\"hi\")</script> & 'friends'\nsecond line";
        LeaveRequest leave = SampleLeaves.request("r1", Person.ofEmail("eve@example.org", "Eve <b>"),
                SampleLeaves.pending().start(), SampleLeaves.pending().end(), false, reason);

        Email email = renderer.render(approvalRequest(leave), "k");

        assertFalse(email.html().contains("<script>"), email.html());
        assertFalse(email.html().contains("<b>"), email.html());
        assertTrue(email.html().contains("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &#39;friends&#39;"
                + "<br>second line"), email.html());
        assertTrue(email.text().contains(reason.replace("\n", "\n" + " ".repeat(11))), email.text());
    }

    @Test
    void aSubjectIsOneLineEvenIfANameIsNot() {
        LeaveRequest leave = SampleLeaves.request("r1", Person.ofEmail("eve@example.org", "Eve\r\nBcc: x@example.org"),
                SampleLeaves.pending().start(), SampleLeaves.pending().end(), false, null);

        String subject = renderer.render(approvalRequest(leave), "k").subject();

        assertFalse(subject.contains("\n") || subject.contains("\r"), subject);
    }

    @Test
    void linksOfALaterStepExpireWithThatStepsWindowNotTheFirst() {
        Instant hrAsked = SampleLeaves.CREATED.plus(Duration.ofDays(2));
        LeaveRequest second = SampleLeaves.atSecondStage();
        LeaveRequest kept = second.withChain(second.chain().withStage(2, s -> s.withApprover(0,
                p -> p.asking(null, "cb-hr-1", "k", hrAsked.plus(Duration.ofDays(3))))));

        Email email = renderer.render(new Notification(Kind.APPROVAL_REQUEST, kept, "cb-hr-1", 0, List.of()), "k");

        Verified verified = links.verify(token(SentLinks.in(email.text()).approve()), hrAsked);
        assertEquals(hrAsked.plus(Duration.ofDays(3)), verified.expiresAt());
        assertTrue(verified.isFor("cb-hr-1"));
        assertTrue(email.text().contains("These links work until Sat 10 Jan 2026, 09:00 UTC, when the request expires"), email.text());
        assertTrue(email.text().contains("Step 2 of 2 — HR: any one of HR decides."), email.text());
        assertTrue(email.text().contains("\nEarlier steps: Step 1 — Grace Hopper: approved Mon 5 Jan 2026\n"), email.text());
    }

    @Test
    void aPlaceAskedBeforeAnswerTimesWereKeptCountsFromTheStepBefore() {
        Email email = renderer.render(new Notification(Kind.REMINDER, SampleLeaves.atSecondStage(), "cb-hr-2", 1, List.of()), "k");

        Verified verified = links.verify(token(SentLinks.in(email.text()).approve()), SampleLeaves.CREATED);
        assertEquals(SampleLeaves.CREATED.plusSeconds(3_600).plus(Duration.ofDays(3)), verified.expiresAt(),
                "Grace approved an hour after the request was made");
    }

    @Test
    void linksSayWhatHappensWhenNobodyDecides() {
        String toGrace = renderer.render(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.escalated(), SampleLeaves.CALLBACK_ID,
                0, List.of()), "k").text();
        String toAlan = renderer.render(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.escalated(), "cb-escalated",
                0, List.of()), "k").text();

        assertTrue(toGrace.contains(", when the request goes to Alan Turing if nobody has decided it by then."), toGrace);
        assertTrue(toAlan.contains(", when the request expires if nobody has decided it by then."), toAlan);
    }

    @Test
    void theWithdrawLinkOfAChainLastsUntilItsLastStepCouldClose() {
        Email email = renderer.render(Notification.of(Kind.RECEIPT, SampleLeaves.atSecondStage()), "k");

        Verified verified = links.verify(token(SentLinks.withdrawIn(email.text())), SampleLeaves.CREATED);
        assertEquals(SampleLeaves.CREATED.plus(Duration.ofDays(6)), verified.expiresAt(), "two steps of three days");
    }

    @Test
    void someoneWithoutAnEmailAddressCannotBeMailed() {
        LeaveRequest p = SampleLeaves.pending();
        LeaveRequest slackOnly = new LeaveRequest(p.id(), Person.ofChatUser("slack", "U01ADA", "Ada"), p.chain(), p.type(),
                p.start(), p.end(), false, null, p.status(), p.createdAt(), p.updatedAt(), null, p.executionName());

        assertThrows(IllegalArgumentException.class, () -> renderer.render(Notification.of(Kind.RECEIPT, slackOnly), "k"));
    }

    private void assertLinkDecides(String link, LeaveStatus decision) {
        assertTrue(link.startsWith("http://127.0.0.1:3000/decide?token="), link);
        Verified verified = links.verify(token(link), SampleLeaves.CREATED);
        assertEquals(new Verified(Status.VALID, SampleLeaves.REQUEST_ID, decision, LINKS_EXPIRE,
                DecisionLinks.fingerprint(SampleLeaves.CALLBACK_ID)), verified);
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + 6);
    }

    private static Notification approvalRequest(LeaveRequest leave) {
        return new Notification(Kind.APPROVAL_REQUEST, leave, SampleLeaves.CALLBACK_ID, 0, List.of());
    }
}
