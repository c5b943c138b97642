package io.leavebot.workspace;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The e-mail LeaveBot sent, as the outbox folder holds it ({@code .eml} files, newest first): sender, recipient,
 * subject, when, and the plain-text body, whose decision links lead to LeaveBot's own pages. Without an outbox
 * folder (e-mail goes out by SMTP) the list is empty.
 */
final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 50;

    private final Path folder;
    private final People people;
    private final Session session = Session.getInstance(new Properties());

    /** @param folder the outbox folder, or null when e-mail is not written to one */
    Outbox(Path folder, People people) {
        this.folder = folder;
        this.people = people;
    }

    boolean isOn() {
        return folder != null;
    }

    /** The newest e-mails, each as {@code {file, to, to_name, from, subject, sent, text}}. */
    ArrayNode emails() {
        ArrayNode emails = JSON.createArrayNode();
        if (folder == null || !Files.isDirectory(folder)) {
            return emails;
        }
        for (Path file : newestFirst()) {
            try (InputStream in = Files.newInputStream(file)) {
                emails.add(email(file, new MimeMessage(session, in)));
            } catch (IOException | MessagingException e) {
                emails.addObject().put("file", file.getFileName().toString()).put("subject", "(this file cannot be read: " + e.getMessage() + ")");
            }
        }
        return emails;
    }

    private List<Path> newestFirst() {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> emls = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".eml")).toList());
            emls.sort(Comparator.comparing(Outbox::modified).reversed());
            return emls.subList(0, Math.min(SHOWN, emls.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    private ObjectNode email(Path file, MimeMessage message) throws MessagingException, IOException {
        String to = message.getHeader("To", ",");
        ObjectNode email = JSON.createObjectNode().put("file", file.getFileName().toString()).put("to", to)
                .put("to_name", to == null ? "" : people.nameOf(to.replaceAll(".*<([^>]+)>.*", "$1").trim()))
                .put("from", message.getHeader("From", ",")).put("subject", message.getSubject())
                .put("sent", modified(file)).put("text", plainText(message.getContent()));
        return email;
    }

    /** The text/plain part of a message (LeaveBot's are multipart/alternative, plain text first). */
    private static String plainText(Object content) throws MessagingException, IOException {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    return (String) part.getContent();
                }
            }
        }
        return "";
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
