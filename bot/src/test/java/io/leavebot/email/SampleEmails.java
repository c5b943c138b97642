package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.email.Verified.Status;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

/** Rendered e-mails for the mailer tests, and the check that a sent message still carries working links. */
final class SampleEmails {
    static final DecisionLinks LINKS = new DecisionLinks(DecisionLinksTest.SECRET, "http://127.0.0.1:3000/decide");
    static final EmailRenderer RENDERER = new EmailRenderer(new NotificationTexts(ZoneOffset.UTC), LINKS,
            "LeaveBot <leavebot@example.org>", Duration.ofDays(3));

    private SampleEmails() {
    }

    /** Grace is asked to decide on Ada's request: subject, both parts and two signed links. */
    static Email approvalRequest(String idempotencyKey) {
        return RENDERER.render(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0,
                List.of()), idempotencyKey);
    }

    /** The links read back from a delivered message's parts decide the sample request, as signed. */
    static void assertWorkingLinks(String text, String html) {
        SentLinks links = SentLinks.in(text);
        assertDecides(links.approve(), LeaveStatus.APPROVED);
        assertDecides(links.reject(), LeaveStatus.REJECTED);
        assertTrue(links.bothIn(html), "the HTML part lacks the links of the text part:\n" + html);
    }

    private static void assertDecides(String link, LeaveStatus decision) {
        assertTrue(link.startsWith("http://127.0.0.1:3000/decide?token="), link);
        Verified verified = LINKS.verify(link.substring(link.indexOf("token=") + "token=".length()), SampleLeaves.CREATED);
        assertEquals(Status.VALID, verified.status());
        assertEquals(SampleLeaves.REQUEST_ID, verified.requestId());
        assertEquals(decision, verified.decision());
        assertEquals(EmailRendererTest.LINKS_EXPIRE, verified.expiresAt());
    }
}
