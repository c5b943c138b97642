package io.leavebot.local;

import io.leavebot.local.DataFolderBackup.BackupException;
import io.leavebot.local.Settings.SettingsException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * {@code ./leavebot backup <file>} and {@code ./leavebot restore <file>}, on the data folder the settings name
 * ({@code LEAVEBOT_DATA_DIR}, from the environment or {@code .env} in {@code directory}, as for a start). One line on success, one line
 * saying why not otherwise; the exit status tells cron which.
 */
final class BackupCommand {
    static final int DONE = 0;
    static final int FAILED = 1;
    static final int USAGE = 64;

    private BackupCommand() {
    }

    /** True when {@code args} is one of these commands, so that the launcher does not start LeaveBot. */
    static boolean isCommand(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    static int run(Path directory, String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || args[1].isBlank()) {
            err.println("usage: ./leavebot " + args[0] + " <file>   (e.g. ./leavebot " + args[0] + " leavebot-backup.zip)");
            return USAGE;
        }
        Path dataDir;
        try {
            dataDir = Path.of(Settings.load(directory).string("LEAVEBOT_DATA_DIR", "leavebot-data"));
        } catch (SettingsException e) {
            err.println("LeaveBot cannot " + args[0] + ": " + e.getMessage());
            return USAGE;
        }
        Path file = Path.of(args[1]);
        try {
            if (args[0].equals("backup")) {
                Properties manifest = DataFolderBackup.backup(dataDir, file, Instant.now());
                out.println("Backed up " + dataDir.toAbsolutePath() + " to " + file.toAbsolutePath() + " (" + contents(manifest) + ")");
            } else {
                Properties manifest = DataFolderBackup.restore(file, dataDir);
                out.println("Restored " + dataDir.toAbsolutePath() + " from the backup of " + manifest.getProperty("created")
                        + " (" + contents(manifest) + "); start LeaveBot to go on from there");
            }
            return DONE;
        } catch (BackupException e) {
            err.println("LeaveBot cannot " + args[0] + ": " + e.getMessage());
            return FAILED;
        } catch (IOException | RuntimeException e) {
            err.println("LeaveBot cannot " + args[0] + " " + file + ": " + e.getMessage());
            return FAILED;
        }
    }

    private static String contents(Properties manifest) {
        String secrets = manifest.getProperty("secrets", "");
        return String.join(", ", DataFolderBackup.DATABASES) + (secrets.isEmpty() ? "" : ", " + secrets.replace(",", ", "));
    }
}
