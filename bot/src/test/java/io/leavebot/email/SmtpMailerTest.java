package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.leavebot.notify.TransientFailures;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailerTest {
    private static final String USER = "leavebot";
    private static final String PASSWORD = "s3cret-pa55";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @Test
    void anApprovalRequestArrivesWithSubjectBothPartsAndWorkingLinks() throws Exception {
        Email email = SampleEmails.approvalRequest("leave-req-7f3a9c/manager-approval");

        mailer(null, null, false).send(email);

        MimeMessage received = onlyMessage();
        assertEquals("grace@example.org", ((InternetAddress) received.getAllRecipients()[0]).getAddress());
        assertEquals(new InternetAddress("LeaveBot <leavebot@example.org>"), received.getFrom()[0]);
        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", received.getSubject());
        MimeParts parts = MimeParts.of(received);
        assertEquals(email.text(), parts.text());
        assertEquals(email.html(), parts.html());
        SampleEmails.assertWorkingLinks(parts.text(), parts.html());
    }

    @Test
    void itLogsInWhenConfigured() throws Exception {
        mailer(USER, PASSWORD, false).send(SampleEmails.approvalRequest("k"));

        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", onlyMessage().getSubject());
    }

    @Test
    void aRefusedLoginNamesTheUserButNotThePasswordAndIsNotRetried() {
        MailException e = assertThrows(MailException.class,
                () -> mailer(USER, "wrong-password", false).send(SampleEmails.approvalRequest("k")));

        assertEquals("SMTP server " + where() + " did not accept the login of user leavebot; check the configured "
                + "username and password", e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
        assertFalse(TransientFailures.mayPass(e), "the same password would be refused again");
    }

    @Test
    void startTlsIsRequiredWhenAskedForSoNothingGoesOutInTheClear() {
        // GreenMail's SMTP does not offer STARTTLS, as a misconfigured server would not
        MailException e = assertThrows(MailException.class,
                () -> mailer(null, null, true).send(SampleEmails.approvalRequest("k")));

        assertTrue(e.getMessage().startsWith("SMTP server " + where() + " did not take the message: "), e.getMessage());
        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertFalse(e.getMessage().contains("Ada Lovelace"), e.getMessage());
        assertEquals(0, SMTP.getReceivedMessages().length);
        assertFalse(TransientFailures.mayPass(e), "the server's configuration does not change by itself");
    }

    @Test
    void anUnreachableServerIsNamedAndRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        SmtpMailer nowhere = new SmtpMailer(SmtpSettings.unauthenticated("127.0.0.1", closed));

        MailException e = assertThrows(MailException.class, () -> nowhere.send(SampleEmails.approvalRequest("k")));

        assertTrue(e.getMessage().startsWith("SMTP server 127.0.0.1:" + closed + " did not take the message: "), e.getMessage());
        assertTrue(TransientFailures.mayPass(e));
    }

    @Test
    void theServersReplyCodeSaysWhetherToTryAgain() {
        var later = new SMTPSendFailedException("MAIL", 451, "451 4.3.0 try again later", null, null, null, null);
        var never = new SMTPSendFailedException("DATA", 554, "554 5.7.1 rejected as spam", null, null, null, null);
        var noSuchRecipient = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(null, "RCPT TO", 550, "550 5.1.1 no such user"));

        assertTrue(SmtpMailer.mayPass(later));
        assertFalse(SmtpMailer.mayPass(never));
        assertFalse(SmtpMailer.mayPass(noSuchRecipient));
        assertTrue(SmtpMailer.mayPass(new MessagingException("Exception reading response", new SocketTimeoutException("Read timed out"))));
    }

    @Test
    void theSameKeyGivesTheSameMessageId() throws Exception {
        SmtpMailer mailer = mailer(null, null, false);

        mailer.send(SampleEmails.approvalRequest("leave-req-7f3a9c/reminder-1"));
        mailer.send(SampleEmails.approvalRequest("leave-req-7f3a9c/reminder-1"));
        mailer.send(SampleEmails.approvalRequest("leave-req-7f3a9c/reminder-2"));

        assertTrue(SMTP.waitForIncomingEmail(5000, 3));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(3, received.length);
        assertEquals(received[0].getMessageID(), received[1].getMessageID());
        assertFalse(received[0].getMessageID().equals(received[2].getMessageID()));
        assertTrue(received[0].getMessageID().endsWith(".leavebot@example.org>"), received[0].getMessageID());
    }

    private static SmtpMailer mailer(String user, String password, boolean startTls) {
        return new SmtpMailer(new SmtpSettings("127.0.0.1", SMTP.getSmtp().getPort(), user, password, startTls,
                Duration.ofSeconds(5)));
    }

    private static String where() {
        return "127.0.0.1:" + SMTP.getSmtp().getPort();
    }

    private static MimeMessage onlyMessage() {
        assertTrue(SMTP.waitForIncomingEmail(5000, 1));
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }
}
