package io.leavebot.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/** A message GreenMail received, read back: its one recipient, subject and plain-text part. */
public record ReceivedMail(String to, String subject, String text) {

    static ReceivedMail of(MimeMessage message) {
        try {
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            return new ReceivedMail(to, message.getSubject(), plainText(message));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot read a received message: " + e, e);
        }
    }

    private static String plainText(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return ((String) part.getContent()).replace("\r\n", "\n");
                }
            }
        }
        return String.valueOf(content).replace("\r\n", "\n");
    }
}
