package io.leavebot.workflow;

import io.leavebot.balance.WorkingCalendar;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.model.StartedExecution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When the who's-out digest is due: each of the company's working mornings (its working week, less public holidays
 * and company days off) from {@code LEAVEBOT_DIGEST_TIME} in the deployment's time zone on. One execution per
 * day, {@code digest-<day>}, with the day as its only input: starting it again the same day finds the one started
 * (the local scheduler after a restart, a schedule that fires twice), so a missed morning posts once, late.
 */
public final class DigestMornings {
    /** The default time of the digest. */
    public static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

    private final WorkingCalendar company;
    private final LocalTime at;
    private final ZoneId zone;

    public DigestMornings(WorkingCalendar company, LocalTime at, ZoneId zone) {
        this.company = company;
        this.at = at;
        this.zone = zone;
    }

    /** The day whose digest is due at {@code now}: today, if it is a working day and its time has come. */
    public Optional<LocalDate> due(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        return company.isWorkingDay(today) && !local.toLocalTime().isBefore(at) ? Optional.of(today) : Optional.empty();
    }

    /** When the next digest after {@code now} falls due (within a year). */
    public Instant next(Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        if (due(now).isPresent() || !company.isWorkingDay(day)) {
            day = company.nextWorkingDay(day.plusDays(1));
        }
        return day.atTime(at).atZone(zone).toInstant();
    }

    /** Starts (or finds) the execution of {@code day}'s digest. */
    public static StartedExecution start(DurableClient durable, String function, LocalDate day) {
        return durable.start(function, DigestWorkflow.executionNameFor(day), "{\"day\":\"" + day + "\"}");
    }

    public LocalTime time() {
        return at;
    }

    public ZoneId zone() {
        return zone;
    }
}
