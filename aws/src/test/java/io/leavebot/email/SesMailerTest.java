package io.leavebot.email;

import io.leavebot.durable.lambda.AwsCredentials;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.testing.SesLocal;
import io.leavebot.testing.SesLocal.StoredEmail;
import io.leavebot.notify.TransientFailures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SesMailerTest {
    @RegisterExtension
    static final SesLocal SES = new SesLocal();
    private static final AwsCredentials DUMMY = AwsCredentials.of("dummy", "dummy");

    private static SesMailer mailer;

    @BeforeAll
    static void connect() {
        mailer = new SesMailer("us-east-1", SES.endpoint(), DUMMY);
    }

    @BeforeEach
    void emptyTheStore() throws Exception {
        SES.clear();
    }

    @Test
    void anApprovalRequestArrivesWithSubjectBothPartsAndWorkingLinks() throws Exception {
        Email email = SampleEmails.approvalRequest("leave-req-7f3a9c/manager-approval");

        mailer.send(email);

        List<StoredEmail> stored = SES.emails();
        assertEquals(1, stored.size());
        StoredEmail sent = stored.get(0);
        assertEquals(List.of("grace@example.org"), sent.to());
        assertEquals("LeaveBot <leavebot@example.org>", sent.from());
        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", sent.subject());
        assertEquals(email.text(), sent.text());
        assertEquals(email.html(), sent.html());
        SampleEmails.assertWorkingLinks(sent.text(), sent.html());
    }

    @Test
    void aRefusalNamesSesAndTheReasonButNotTheMessageAndIsNotRetried() {
        Email withoutSubject = withSubject(SampleEmails.approvalRequest("k"), "");

        MailException e = assertThrows(MailException.class, () -> mailer.send(withoutSubject));

        assertTrue(e.getMessage().startsWith("SES (" + SES.endpoint() + ") refused the message: "), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        assertFalse(e.getMessage().contains("Ada Lovelace"), e.getMessage());
        assertFalse(TransientFailures.mayPass(e), "the same message would be refused again");
    }

    @Test
    void anUnreachableEndpointIsNamedAndRetried() throws IOException {
        URI nowhere = URI.create("http://127.0.0.1:" + closedPort());
        SesMailer unreachable = new SesMailer("us-east-1", nowhere, DUMMY);
        MailException e = assertThrows(MailException.class, () -> unreachable.send(SampleEmails.approvalRequest("k")));

        assertTrue(e.getMessage().startsWith("SES (" + nowhere + ") could not be reached: "), e.getMessage());
        assertFalse(e.getMessage().contains("Ada Lovelace"), e.getMessage());
        assertTrue(TransientFailures.mayPass(e));
    }

    private static Email withSubject(Email email, String subject) {
        return new Email(email.from(), email.to(), subject, email.text(), email.html(), email.idempotencyKey());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
