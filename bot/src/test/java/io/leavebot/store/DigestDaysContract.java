package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.notify.DigestDays;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link DigestDays} adapter must do: the first claim of a day and channel stands. */
abstract class DigestDaysContract {
    static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    static final Instant AT = Instant.parse("2026-12-02T09:00:00Z");
    static final String FIRST = "arn:aws:lambda:eu-west-1:123456789012:function:digest:1/durable-execution/digest-2026-12-02/a1";
    static final String SECOND = "arn:aws:lambda:eu-west-1:123456789012:function:digest:1/durable-execution/digest-2026-12-02/b2";

    DigestDays days;

    abstract DigestDays newDays();

    @BeforeEach
    void open() {
        days = newDays();
    }

    @Test
    void theFirstClaimStandsAndItsClaimerStillHoldsItWhenAskingAgain() {
        assertTrue(days.claim(DAY, "slack", FIRST, AT));
        assertFalse(days.claim(DAY, "slack", SECOND, AT.plusSeconds(1)));
        assertTrue(days.claim(DAY, "slack", FIRST, AT.plusSeconds(2))); // its step, run again after a crash
    }

    @Test
    void eachChannelAndEachDayIsClaimedOnItsOwn() {
        assertTrue(days.claim(DAY, "slack", FIRST, AT));
        assertTrue(days.claim(DAY, "teams", SECOND, AT));
        assertTrue(days.claim(DAY.plusDays(1), "slack", SECOND, AT));
    }
}
