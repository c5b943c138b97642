package io.leavebot.local;

import io.leavebot.testing.Browser;
import io.leavebot.testing.WorkspacePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Takes the README's picture of the local workspace: Priya's DM with a request waiting for her, and its execution's
 * history beside it. Every run checks the page gets there and keeps the picture under {@code local/target/}; told where,
 * it also replaces the README's copy:
 * <pre>{@code mvn -B -q -pl bot -am test -Dtest=WorkspaceScreenshotTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dworkspace.screenshot=$PWD/docs/workspace.png}</pre>
 */
class WorkspaceScreenshotTest {
    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @TempDir
    Path dir;

    @Test
    void priyaHasSamsRequestToDecide() throws Exception {
        try (var leaveBot = LocalLauncher.run(Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_FAST_CLOCK", "true")))) {
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(2);
            var page = WorkspacePage.open(BROWSER, leaveBot.web().uri());
            page.actAs("U0SAM").general().type("/leave " + monday + " " + monday.plusDays(4) + " Climbing trip in the Alps");
            page.actAs("U0PRIYA").messages().awaitMessage("Leave request from Sam Rivera");
            page.awaitHistoryEvent("CallbackStarted");
            Path shot = BROWSER.screenshot("workspace");
            String readmePicture = System.getProperty("workspace.screenshot");
            if (readmePicture != null) {
                Files.copy(shot, Path.of(readmePicture), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
