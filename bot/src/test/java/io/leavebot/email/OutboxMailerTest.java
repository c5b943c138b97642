package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxMailerTest {
    @TempDir
    Path folder;

    @Test
    void eachMessageBecomesAnEmlFileThatMailProgramsRead() throws Exception {
        Email email = SampleEmails.approvalRequest("leave-req-7f3a9c/manager-approval");

        new OutboxMailer(folder).send(email);

        Path file = single(files());
        assertTrue(file.getFileName().toString().startsWith("leave-req-7f3a9c_manager-approval-"), file.toString());
        MimeMessage message = read(file);
        assertEquals("grace@example.org", ((InternetAddress) message.getAllRecipients()[0]).getAddress());
        assertEquals("Leave request from Ada Lovelace: Mon 12 Jan 2026 – Fri 16 Jan 2026", message.getSubject());
        MimeParts parts = MimeParts.of(message);
        assertEquals(email.text(), parts.text());
        assertEquals(email.html(), parts.html());
        SampleEmails.assertWorkingLinks(parts.text(), parts.html());
    }

    @Test
    void theSameKeyNeverWritesASecondFile() throws Exception {
        OutboxMailer outbox = new OutboxMailer(folder);
        outbox.send(SampleEmails.approvalRequest("leave-req-7f3a9c/send-receipt"));
        Path file = single(files());
        byte[] first = Files.readAllBytes(file);

        outbox.send(SampleEmails.approvalRequest("leave-req-7f3a9c/send-receipt"));
        new OutboxMailer(folder).send(SampleEmails.approvalRequest("leave-req-7f3a9c/send-receipt"));

        assertEquals(List.of(file), files());
        assertArrayEquals(first, Files.readAllBytes(file));
        assertEquals(outbox.fileFor("leave-req-7f3a9c/send-receipt"), file);
    }

    @Test
    void differentKeysGetDifferentFilesEvenIfTheyLookAlike() throws Exception {
        OutboxMailer outbox = new OutboxMailer(folder);

        outbox.send(SampleEmails.approvalRequest("leave-1/reminder-1"));
        outbox.send(SampleEmails.approvalRequest("leave-1_reminder-1"));
        outbox.send(SampleEmails.approvalRequest("../../etc/passwd"));

        assertEquals(3, files().size());
        assertNotEquals(outbox.fileFor("leave-1/reminder-1"), outbox.fileFor("leave-1_reminder-1"));
        assertEquals(folder.toAbsolutePath().normalize(), outbox.fileFor("../../etc/passwd").getParent());
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        new OutboxMailer(folder).send(SampleEmails.approvalRequest("k"));

        try (Stream<Path> all = Files.list(folder)) {
            assertEquals(1, all.count());
        }
    }

    @Test
    void temporaryFilesLeftByAKilledSenderAreDeletedAtStart() throws Exception {
        Path abandoned = Files.writeString(folder.resolve(".sending-1234567890.tmp"), "half a message");
        Files.setLastModifiedTime(abandoned, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Path inProgress = Files.writeString(folder.resolve(".sending-0987654321.tmp"), "being written by another sender");
        Path message = Files.writeString(folder.resolve("kept.eml"), "a message");
        Files.setLastModifiedTime(message, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        new OutboxMailer(folder);

        assertFalse(Files.exists(abandoned), "an hour old: left by a sender killed mid-write");
        assertTrue(Files.exists(inProgress), "just written: perhaps another sender's, still at work");
        assertTrue(Files.exists(message), "messages stay");
    }

    @Test
    void aFolderThatCannotBeWrittenNamesTheOutboxAndThePath() throws Exception {
        Path gone = folder.resolve("outbox");
        OutboxMailer outbox = new OutboxMailer(gone);
        Files.delete(gone);
        Files.writeString(gone, "not a folder");

        MailException e = assertThrows(MailException.class, () -> outbox.send(SampleEmails.approvalRequest("k")));

        assertTrue(e.getMessage().startsWith("Outbox: the message could not be written to " + gone), e.getMessage());
        assertFalse(e.getMessage().contains("Ada Lovelace"), e.getMessage());
        MailException atStart = assertThrows(MailException.class, () -> new OutboxMailer(gone.resolve("sub")));
        assertTrue(atStart.getMessage().startsWith("Outbox: the folder " + gone.resolve("sub") + " cannot be created"));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(folder)) {
            return all.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static Path single(List<Path> files) {
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    private static MimeMessage read(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }
}
