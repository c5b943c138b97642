package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;

/** The two parts of a delivered message, read back the way a mail program would. */
record MimeParts(String text, String html) {

    /** Checks the message is multipart/alternative with plain text first and HTML second, and returns both. */
    static MimeParts of(MimeMessage message) throws MessagingException, IOException {
        assertTrue(message.isMimeType("multipart/alternative"), message.getContentType());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertEquals(2, parts.getCount());
        return new MimeParts(textOf(parts.getBodyPart(0), "text/plain"), textOf(parts.getBodyPart(1), "text/html"));
    }

    private static String textOf(BodyPart part, String type) throws MessagingException, IOException {
        assertTrue(part.isMimeType(type), part.getContentType());
        assertTrue(part.getContentType().toLowerCase().contains("charset=utf-8"), part.getContentType());
        return ((String) part.getContent()).replace("\r\n", "\n");
    }
}
