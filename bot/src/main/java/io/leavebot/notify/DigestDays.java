package io.leavebot.notify;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Which execution posts the who's-out digest of a day to a shared channel. The first claim of a day and channel
 * wins and stands: on AWS a schedule may start a day's digest twice (under one name, or by hand), and only the
 * execution holding the claim posts. Kept beside the leave requests ({@code digest_days}, or {@code DIGEST#} items).
 */
public interface DigestDays {
    /**
     * Claims {@code day} on {@code channel} for {@code claimer} unless someone claimed it first.
     *
     * @param claimer who asks: the execution's ARN, so the same execution asking again (a step re-run after a crash)
     *                still holds its claim, and another execution of the same name does not
     * @return true if {@code claimer} holds the claim (now, or from before)
     */
    boolean claim(LocalDate day, String channel, String claimer, Instant at);
}
