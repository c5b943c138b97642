package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Approved leave's execution waits, in the engine's file, until the leave starts and until it is over: LeaveBot
 * runs as its own JVM ({@link LeaveBotProcess}) with the fast clock, is killed with SIGKILL while the execution
 * waits for the first day, and is started again with its time moved into the leave, killed again (at once and
 * after a few delays), then started past the end. The leave starts once, ends once, and the execution ends APPROVED.
 */
class KillWhileLeaveWaitsTest {
    private static final String EMPLOYEE = "ada@example.com";
    private static final String MANAGER = "bea@example.com";

    @TempDir
    Path dir;

    /** @param delay milliseconds between the start in the leave and the next kill */
    @ParameterizedTest
    @ValueSource(ints = {0, 200})
    void aKillWhileWaitingStartsAndEndsTheLeaveOnce(int delay) throws Exception {
        var leavebot = new LeaveBotProcess(dir, Map.of("LEAVEBOT_APPROVER_EMAIL", MANAGER,
                "LEAVEBOT_WORKSPACE", "true", "LEAVEBOT_FAST_CLOCK", "true"));
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
        try (leavebot) {
            leavebot.start();
            String id = leavebot.submitWeekAfterNext(EMPLOYEE);
            leavebot.awaitMail(MANAGER, 1);
            leavebot.approveAs(id, MANAGER);
            leavebot.awaitStep(id, "watch-leave");
            leavebot.kill();

            leavebot.skipTimeWhileDownTo(monday.atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
            leavebot.start();
            Thread.sleep(delay);
            leavebot.kill();
            leavebot.start();
            leavebot.awaitStep(id, "leave-starts");
            leavebot.kill();

            leavebot.skipTimeWhileDownTo(monday.plusDays(3).atStartOfDay(ZoneOffset.UTC).plusHours(1).toInstant());
            leavebot.start();
            leavebot.awaitExecutionStatus(id, "SUCCEEDED");

            assertEquals(1, leavebot.stepsSucceeded(id, "leave-starts"));
            assertEquals(1, leavebot.stepsSucceeded(id, "leave-ends"));
            leavebot.awaitStatus(id, "APPROVED");
            leavebot.assertEveryMailOnce(Map.of(EMPLOYEE, 2, MANAGER, 2));
        }
    }
}
