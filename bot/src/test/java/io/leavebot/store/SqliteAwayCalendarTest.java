package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link AwayCalendar} contract on {@link SqliteLeaveStore}'s file, plus what only a file can show. */
class SqliteAwayCalendarTest extends AwayCalendarContract {
    @TempDir
    Path dir;

    @Override
    AwayCalendar newCalendar() {
        return new SqliteLeaveStore(dir.resolve("leaves.db"));
    }

    @Test
    void periodsAndStandInsSurviveReopeningTheFile() {
        AwayPeriod period = calendar.save(away(JAN_10, JAN_20, CARL, T0));
        calendar.setStandIn(BEA, DORA);
        ((SqliteLeaveStore) calendar).close();

        calendar = new SqliteLeaveStore(dir.resolve("leaves.db"));

        assertEquals(List.of(period), calendar.periodsOf(BEA, JAN_10));
        assertEquals(DORA, calendar.standInOf(BEA).orElseThrow());
    }
}
