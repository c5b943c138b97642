package io.leavebot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A secret LeaveBot makes up on its first start and keeps in the data folder, readable by this user only, so that
 * what was made with it (links in mails already sent, a key someone has configured) stays valid after a restart.
 */
final class SecretFile {
    private SecretFile() {
    }

    /** The file's text; when there is no file yet, {@code generate}'s, written to it first. */
    static String readOrCreate(Path file, Supplier<String> generate) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        String text = generate.get();
        // written under another name with owner-only permissions from the start, then moved: never readable by
        // others, never half-written
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".new",
                ownerOnly(file));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            return text;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.toAbsolutePath().getParent().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0]; // not a POSIX file system: the folder's own permissions protect it
    }
}
