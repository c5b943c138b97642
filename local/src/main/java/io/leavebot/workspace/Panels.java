package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.calendar.CalendarJson;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.leave.Person;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The side panels of the page: e-mail in the outbox, the durable executions with their histories, the team
 * calendar of the person acting, and the time
 * (with the control that moves it, when LeaveBot runs on the {@link FastClock}).
 */
final class Panels {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String teamName;
    private final Outbox outbox;
    private final Executions executions;
    private final Clock clock;
    private final FastClock fastClock;
    private final Supplier<Optional<Instant>> nextTimer;
    private final TeamCalendar calendar;

    /**
     * @param fastClock null when time is the real time (no time control)
     * @param nextTimer when the engine's next timer (a reminder, an expiry, a retry) falls due
     * @param calendar  who is out, as each person may see it
     */
    Panels(String teamName, Outbox outbox, Executions executions, Clock clock, FastClock fastClock, Supplier<Optional<Instant>> nextTimer,
            TeamCalendar calendar) {
        this.calendar = calendar;
        this.teamName = teamName;
        this.outbox = outbox;
        this.executions = executions;
        this.clock = clock;
        this.fastClock = fastClock;
        this.nextTimer = nextTimer;
    }

    String teamName() {
        return teamName;
    }

    JsonNode outbox() {
        ObjectNode answer = JSON.createObjectNode().put("on", outbox.isOn());
        answer.set("emails", outbox.emails());
        return answer;
    }

    /** @param marker where the page starts, from the newer page's {@code next_marker}; null for the newest */
    JsonNode executions(String marker) {
        return executions.page(marker);
    }

    JsonNode history(String arn) {
        ObjectNode answer = JSON.createObjectNode().put("arn", arn);
        answer.set("events", executions.history(arn).orElseThrow(() -> new IllegalArgumentException("no execution has the ARN " + arn)));
        return answer;
    }

    /** The team calendar as {@code viewer} sees it: this week, or the next 4 weeks from this week's Monday. */
    JsonNode calendar(Person viewer, boolean weeksAhead) {
        LocalDate today = LocalDate.now(clock);
        return CalendarJson.of(weeksAhead ? calendar.weeksAhead(viewer, today) : calendar.week(viewer, today));
    }

    /** Now, how far ahead of the real time that is, and the next timer; {@code fast} says whether time can be moved. */
    JsonNode time() {
        ObjectNode time = JSON.createObjectNode().put("now", clock.instant().toString()).put("fast", fastClock != null);
        if (fastClock != null) {
            time.put("skipped_seconds", fastClock.skipped().toSeconds());
        }
        nextTimer.get().ifPresent(due -> time.put("next_timer", due.toString()));
        return time;
    }

    /** Moves LeaveBot's time forward; refused unless it runs on the fast clock. */
    JsonNode skip(Duration duration) {
        if (fastClock == null) {
            throw new IllegalArgumentException("time moves only when LeaveBot was started with --fast-clock");
        }
        fastClock.skip(duration);
        return time();
    }
}
