package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./leavebot backup} and {@code restore} refuse, each with one line saying why and the data folder
 * untouched: a file that is no LeaveBot backup, a damaged one, a restore while LeaveBot runs, a missing argument.
 * (BackupRestoreTest takes and restores a backup of a running LeaveBot.)
 */
class BackupCommandTest {
    @TempDir
    Path dir;
    private Path data;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void aDataFolder() throws Exception {
        data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve(".env"), "LEAVEBOT_DATA_DIR=" + data + "\n");
        for (String database : DataFolderBackup.DATABASES) {
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(database)); var s = c.createStatement()) {
                s.execute("CREATE TABLE kept (what TEXT)");
                s.execute("INSERT INTO kept VALUES ('" + database + " before')");
            }
        }
        Files.writeString(data.resolve("link-secret"), "the secret");
    }

    @Test
    void aBackupRestoresWhatItHolds() throws Exception {
        assertEquals(0, run("backup", "copy.zip"), errors());
        assertTrue(output().startsWith("Backed up "), output());
        Files.writeString(data.resolve("link-secret"), "changed");
        Files.delete(data.resolve("leaves.db"));

        assertEquals(0, run("restore", "copy.zip"), errors());

        assertEquals("the secret", Files.readString(data.resolve("link-secret")));
        assertTrue(Files.exists(data.resolve("leaves.db")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("copy.zip"))), "it holds secrets");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("link-secret"))));
        assertFalse(output().contains("Exception"), output());
    }

    @Test
    void aFileThatIsNoBackupIsRefused() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "not a zip");
        assertEquals(1, run("restore", "notes.txt"));
        assertEquals("LeaveBot cannot restore: notes.txt is not a LeaveBot backup (made by ./leavebot backup): "
                + "it has no leavebot-backup.properties\n", errors());

        zip("other.zip", Map.of("photo.jpg", "..."));
        assertEquals(1, run("restore", "other.zip"));
        assertTrue(errors().contains("other.zip is not a LeaveBot backup (made by ./leavebot backup): it holds photo.jpg"), errors());
        assertUntouched();
    }

    @Test
    void aDamagedBackupRestoresNothing() throws Exception {
        zip("damaged.zip", Map.of(DataFolderBackup.MANIFEST, "format=1\nsecrets=link-secret\n", "leavebot.db", "not a database",
                "leaves.db", "nor this", "link-secret", "another secret"));

        assertEquals(1, run("restore", "damaged.zip"));

        assertTrue(errors().contains("in damaged.zip is not a database") && errors().contains("nothing was restored"), errors());
        assertUntouched();
        try (var files = Files.list(data)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().startsWith(".leavebot-restore-")).count(), "no leftovers");
        }
    }

    @Test
    void aRestoreWhileLeaveBotRunsIsRefused() throws Exception {
        assertEquals(0, run("backup", "copy.zip"), errors());
        try (var running = DataFolderLock.tryTake(data).orElseThrow()) {
            assertEquals(1, run("restore", "copy.zip"));
        }
        assertTrue(errors().startsWith("LeaveBot cannot restore: LeaveBot is running on data; stop it first"), errors());
        assertUntouched();
    }

    @Test
    void aBackupNeedsAFileAndADataFolder() throws Exception {
        assertEquals(64, run("backup"));
        assertEquals("usage: ./leavebot backup <file>   (e.g. ./leavebot backup leavebot-backup.zip)\n", errors());
        Files.delete(data.resolve("leaves.db"));
        err.reset();
        assertEquals(1, run("backup", "copy.zip"));
        assertTrue(errors().contains("there is no leaves.db in data: is LEAVEBOT_DATA_DIR the folder"), errors());
        assertFalse(Files.exists(dir.resolve("copy.zip")));
    }

    private void assertUntouched() throws Exception {
        assertEquals("the secret", Files.readString(data.resolve("link-secret")));
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("leaves.db")); var s = c.createStatement();
                var rs = s.executeQuery("SELECT what FROM kept")) {
            assertTrue(rs.next());
            assertEquals("leaves.db before", rs.getString(1));
        }
    }

    /** The command with the working directory {@code dir}, as {@code ./leavebot} would run it there. */
    private int run(String... args) {
        String[] relative = args.clone();
        if (relative.length == 2) {
            relative[1] = dir.resolve(args[1]).toString();
        }
        int status = BackupCommand.run(dir, relative, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return status;
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The error output, with the test's folder left out of file names. */
    private String errors() {
        return err.toString(StandardCharsets.UTF_8).replace(dir + "/", "");
    }

    private void zip(String name, Map<String, String> entries) throws IOException {
        try (var zip = new ZipOutputStream(Files.newOutputStream(dir.resolve(name)))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }
}
