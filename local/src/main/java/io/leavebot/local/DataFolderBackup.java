package io.leavebot.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code ./leavebot backup <file>} and {@code ./leavebot restore <file>}: the data folder's two SQLite databases
 * and its secrets in one zip, with a manifest saying what it is. A backup is taken while LeaveBot runs ({@code
 * VACUUM INTO}: a consistent copy of each database, whatever is being written); a restore only while it is stopped,
 * and never by halves: every file is unpacked and checked beside its place first, and only then moved in.
 */
final class DataFolderBackup {
    static final String MANIFEST = "leavebot-backup.properties";
    static final String FORMAT = "1";
    /**
     * The engine's file before the leave store's. A workflow step writes to the store, then the engine records the
     * step; copied in this order, the store's copy is as new as the engine's or newer, which is what a crash after
     * a step leaves too, and the workflow replays over it without doing anything twice. The other order could lose
     * a request the engine already knows about.
     */
    static final List<String> DATABASES = List.of("leavebot.db", "leaves.db");
    /**
     * What makes the links in mails already sent, the sealed Slack tokens and the durable API's credentials still
     * work after a restore; a setting (LEAVEBOT_LINK_SECRET, ...) overrides its file, and then the file is absent.
     */
    static final List<String> SECRETS = List.of("link-secret", "token-key", DurableApi.CREDENTIALS_FILE);

    /** A backup or restore that cannot be done, with a message for whoever ran it. */
    static final class BackupException extends Exception {
        BackupException(String message) {
            super(message);
        }
    }

    private DataFolderBackup() {
    }

    /** Writes the backup of {@code dataDir} to {@code target} (through a temporary file: never half a backup). */
    static Properties backup(Path dataDir, Path target, Instant now) throws BackupException, IOException {
        for (String database : DATABASES) {
            if (!Files.isRegularFile(dataDir.resolve(database))) {
                throw new BackupException("there is no " + database + " in " + dataDir.toAbsolutePath()
                        + ": is LEAVEBOT_DATA_DIR the folder LeaveBot runs on, and has it started once?");
            }
        }
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path copies = Files.createTempDirectory(folder, ".leavebot-backup-");
        Path zip = copies.resolve("backup.zip");
        try {
            var manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("created", now.toString());
            manifest.setProperty("leavebot.version", leaveBotVersion());
            for (String database : DATABASES) {
                Path copy = copies.resolve(database);
                copyOnline(dataDir.resolve(database), copy);
                manifest.setProperty(database + ".user_version", Integer.toString(userVersion(copy)));
            }
            List<String> secrets = SECRETS.stream().filter(s -> Files.isRegularFile(dataDir.resolve(s))).toList();
            manifest.setProperty("secrets", String.join(",", secrets));
            Files.createFile(zip);
            ownerOnly(zip); // it holds the secrets
            try (var out = new ZipOutputStream(Files.newOutputStream(zip))) {
                out.putNextEntry(new ZipEntry(MANIFEST));
                out.write(manifestText(manifest).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
                for (String database : DATABASES) {
                    put(out, database, copies.resolve(database));
                }
                for (String secret : secrets) {
                    put(out, secret, dataDir.resolve(secret));
                }
            }
            Files.move(zip, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } finally {
            deleteAll(copies);
        }
    }

    /**
     * Replaces the databases and secrets of {@code dataDir} with the backup's. Refused while a LeaveBot runs on the
     * folder; the lock is held meanwhile, so none starts half-way.
     */
    static Properties restore(Path backup, Path dataDir) throws BackupException, IOException {
        if (!Files.isRegularFile(backup)) {
            throw new BackupException("there is no file " + backup.toAbsolutePath());
        }
        Files.createDirectories(dataDir);
        try (DataFolderLock lock = DataFolderLock.tryTake(dataDir).orElseThrow(() -> new BackupException(
                "LeaveBot is running on " + dataDir.toAbsolutePath() + "; stop it first (a backup can be taken while it runs, "
                        + "a restore cannot)"))) {
            Path unpacked = Files.createTempDirectory(dataDir, ".leavebot-restore-");
            try {
                Properties manifest = unpack(backup, unpacked);
                for (String database : DATABASES) {
                    check(unpacked.resolve(database), backup);
                }
                moveIn(unpacked, dataDir, manifest);
                return manifest;
            } finally {
                deleteAll(unpacked);
            }
        }
    }

    /** {@code VACUUM INTO}: SQLite's consistent copy of a live database, taken in one read transaction. */
    private static void copyOnline(Path database, Path copy) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                PreparedStatement s = c.prepareStatement("VACUUM INTO ?")) {
            s.setString(1, copy.toString());
            s.execute();
        } catch (SQLException e) {
            throw new IOException("cannot copy " + database + ": " + e.getMessage(), e);
        }
    }

    private static Properties unpack(Path backup, Path into) throws BackupException, IOException {
        Map<String, Boolean> expected = new LinkedHashMap<>();
        DATABASES.forEach(d -> expected.put(d, false));
        SECRETS.forEach(s -> expected.put(s, false));
        expected.put(MANIFEST, false);
        String notABackup = backup + " is not a LeaveBot backup (made by ./leavebot backup)";
        try (var in = new ZipInputStream(Files.newInputStream(backup))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!expected.containsKey(entry.getName()) || expected.put(entry.getName(), true)) {
                    throw new BackupException(notABackup + ": it holds " + entry.getName());
                }
                Files.copy(in, into.resolve(entry.getName()));
                ownerOnly(into.resolve(entry.getName())); // as the data folder's own files are, secrets first
            }
        } catch (ZipException e) {
            throw new BackupException(notABackup + ": " + e.getMessage());
        }
        if (!expected.get(MANIFEST)) {
            throw new BackupException(notABackup + ": it has no " + MANIFEST);
        }
        var manifest = new Properties();
        manifest.load(new StringReader(Files.readString(into.resolve(MANIFEST))));
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new BackupException(backup + " is a LeaveBot backup of format " + manifest.getProperty("format")
                    + ", which this LeaveBot (format " + FORMAT + ") cannot restore; use a newer LeaveBot");
        }
        for (String database : DATABASES) {
            if (!expected.get(database)) {
                throw new BackupException(notABackup + ": it has no " + database);
            }
        }
        return manifest;
    }

    private static void check(Path database, Path backup) throws BackupException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            String result = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equals(result)) {
                throw new BackupException(database.getFileName() + " in " + backup + " is damaged (" + result + "); nothing was restored");
            }
        } catch (SQLException e) {
            throw new BackupException(database.getFileName() + " in " + backup + " is not a database (" + e.getMessage()
                    + "); nothing was restored");
        }
    }

    /**
     * Renames only, within one folder: nothing is left to fail by now. The old databases' write-ahead logs go
     * first; left beside the restored file, SQLite would replay them over it.
     */
    private static void moveIn(Path unpacked, Path dataDir, Properties manifest) throws IOException {
        for (String database : DATABASES) {
            Files.deleteIfExists(dataDir.resolve(database + "-wal"));
            Files.deleteIfExists(dataDir.resolve(database + "-shm"));
            Files.move(unpacked.resolve(database), dataDir.resolve(database), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        for (String secret : manifest.getProperty("secrets", "").split(",")) {
            if (!secret.isEmpty() && Files.isRegularFile(unpacked.resolve(secret))) {
                Files.move(unpacked.resolve(secret), dataDir.resolve(secret), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } // else not a POSIX file system: the folder's own permissions protect it
    }

    private static int userVersion(Path database) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IOException("cannot read the version of " + database + ": " + e.getMessage(), e);
        }
    }

    private static String leaveBotVersion() {
        String version = DataFolderBackup.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    private static String manifestText(Properties manifest) throws IOException {
        var text = new StringWriter();
        manifest.store(text, "LeaveBot backup");
        return text.toString();
    }

    private static void put(ZipOutputStream out, String name, Path content) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        Files.copy(content, out);
        out.closeEntry();
    }

    private static void deleteAll(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (var walk = Files.walk(folder)) {
            walk.forEach(paths::add);
        }
        for (int i = paths.size() - 1; i >= 0; i--) {
            Files.deleteIfExists(paths.get(i));
        }
    }
}
