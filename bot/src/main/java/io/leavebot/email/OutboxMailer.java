package io.leavebot.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;

/**
 * The local default: "sends" by writing each message as an RFC 822 {@code .eml} file into a folder, where any mail
 * program can open it. Idempotent by the e-mail's idempotency key: the same key always names the same file, and a
 * message whose file exists is not written again. A file appears whole or not at all (written to a temporary file
 * in the same folder, then moved into place atomically), so a reader never sees half a message. On POSIX file
 * systems the files are readable by LeaveBot's own user only, since approval requests carry signed decision links.
 * A temporary file left by a process killed mid-write is deleted when the next one opens the folder.
 */
public final class OutboxMailer implements Mailer {
    private static final String SUFFIX = ".eml";
    private static final String TEMPORARY_PREFIX = ".sending-";
    private static final String TEMPORARY_SUFFIX = ".tmp";
    /** Writing a message takes milliseconds: a temporary file this old is no other sender's work in progress. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
    private static final int READABLE_KEY_CHARS = 80;

    private final Path folder;
    private final Session session = Session.getInstance(new Properties());

    /** @param folder where the files go; created if missing */
    public OutboxMailer(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.folder);
        } catch (IOException e) {
            throw new MailException("Outbox: the folder " + this.folder + " cannot be created: " + e, e, false);
        }
        deleteAbandonedTemporaryFiles(Instant.now().minus(ABANDONED_AFTER));
    }

    public Path folder() {
        return folder;
    }

    /** The file a message with this idempotency key is (or will be) written to. */
    public Path fileFor(String idempotencyKey) {
        return folder.resolve(fileName(idempotencyKey));
    }

    @Override
    public void send(Email email) {
        Path target = email.idempotencyKey() == null || email.idempotencyKey().isEmpty()
                ? folder.resolve("message-" + UUID.randomUUID() + SUFFIX)
                : fileFor(email.idempotencyKey());
        if (Files.exists(target)) {
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, TEMPORARY_PREFIX, TEMPORARY_SUFFIX);
            try (OutputStream out = Files.newOutputStream(temporary)) {
                MimeMessages.of(session, email).writeTo(out);
            }
            moveIntoPlace(temporary, target);
        } catch (IOException | MessagingException e) {
            // a full disk or a folder the operator fixes may pass; a message that cannot be built never does
            throw new MailException("Outbox: the message could not be written to " + target + ": " + e, e, e instanceof IOException);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /**
     * Two senders of the same key may race past the existence check; both files hold the same message, and the
     * rename leaves exactly one of them under the key's name.
     */
    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of the outbox folder cannot rename files atomically", e);
        }
    }

    /** A readable part of the key (for people browsing the folder) plus a hash (so different keys never collide). */
    static String fileName(String idempotencyKey) {
        String readable = idempotencyKey.replaceAll("[^A-Za-z0-9._-]+", "_");
        readable = readable.substring(0, Math.min(readable.length(), READABLE_KEY_CHARS)).replaceAll("^[._]+", "");
        return readable + (readable.isEmpty() ? "" : "-") + MimeMessages.sha256Hex(idempotencyKey).substring(0, 16) + SUFFIX;
    }

    /** Temporary files last changed before {@code before}: left by a sender that was killed (kill -9) mid-write. */
    private void deleteAbandonedTemporaryFiles(Instant before) {
        try (DirectoryStream<Path> temporaries = Files.newDirectoryStream(folder, TEMPORARY_PREFIX + "*" + TEMPORARY_SUFFIX)) {
            for (Path temporary : temporaries) {
                if (Files.getLastModifiedTime(temporary).toInstant().isBefore(before)) {
                    deleteQuietly(temporary);
                }
            }
        } catch (IOException e) {
            // left for the next start; the outbox works all the same
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // a stray hidden .tmp file is harmless, and the message itself was handled above
        }
    }
}
