package io.leavebot.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;

/** An {@link Email} as a MIME message: multipart/alternative with the plain-text part first, then the HTML part. */
final class MimeMessages {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    /**
     * The message for an e-mail. With an idempotency key, its Message-ID is derived from the key, so a message sent
     * twice by a retried step carries the same id and mail clients can show it once.
     */
    static MimeMessage of(Session session, Email email) throws MessagingException {
        MimeMessage message = new KeyedMimeMessage(session, messageId(email));
        message.setFrom(new InternetAddress(email.from(), true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to(), true));
        message.setSubject(email.subject(), UTF_8);
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), UTF_8, "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** {@code <hash of the key>@<sender's domain>}, or null (Jakarta Mail's own unique id) without a key. */
    static String messageId(Email email) {
        if (email.idempotencyKey() == null || email.idempotencyKey().isEmpty()) {
            return null;
        }
        String from = email.from();
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "leavebot.invalid" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + sha256Hex(email.idempotencyKey()).substring(0, 32) + ".leavebot@"
                + (domain.isEmpty() ? "leavebot.invalid" : domain) + ">";
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime has no SHA-256", e);
        }
    }

    /** Keeps a chosen Message-ID; {@code saveChanges} would otherwise replace it with a random one. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
