package io.leavebot.testing;

import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Leave requests for tests of what people are told: Ada Lovelace asks Grace Hopper for Mon 12 – Fri 16 Jan 2026
 * (5 working days of annual leave), recorded on Mon 5 Jan 2026 at 09:00 UTC.
 */
public final class SampleLeaves {
    public static final Person ADA = Person.ofEmail("ada@example.org", "Ada Lovelace");
    public static final Person GRACE = Person.ofEmail("grace@example.org", "Grace Hopper");
    public static final Person ALAN = Person.ofEmail("alan@example.org", "Alan Turing");
    /** The Slack user ids of Ada, Grace and Alan, by {@link Person#key()}: the tests' Slack workspaces have them. */
    private static final Map<String, String> SLACK_IDS = Map.of(ADA.key(), "U01ADA", GRACE.key(), "U02GRACE", ALAN.key(), "U03ALAN");
    public static final String REQUEST_ID = "req-7f3a9c";
    public static final String CALLBACK_ID = "cb-5d1e77";
    public static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");
    public static final Instant DECIDED = Instant.parse("2026-01-06T14:05:00Z");

    private SampleLeaves() {
    }

    /** The person's Slack user id: the one they are known by, or a sample person's; null for anyone else. */
    public static String slackIdOf(Person person) {
        return person.chatUserId("slack").orElse(SLACK_IDS.get(person.key()));
    }

    /** The request, waiting for Grace. */
    public static LeaveRequest pending() {
        return request(REQUEST_ID, ADA, LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit");
    }

    /** The request after {@code by} decided it on {@link #DECIDED}. */
    public static LeaveRequest decided(LeaveStatus status, Person by, String comment) {
        return pending().withStatus(status, new Decision(by, DECIDED, comment), DECIDED);
    }

    /** The request after it expired on {@link #DECIDED} without a decision. */
    public static LeaveRequest expired() {
        return pending().withStatus(LeaveStatus.EXPIRED, new Decision(null, DECIDED, null), DECIDED);
    }

    public static LeaveRequest request(String id, Person employee, LocalDate start, LocalDate end, boolean halfDay,
            String reason) {
        return new LeaveRequest(id, employee, GRACE, "annual", start, end, halfDay, reason, LeaveStatus.PENDING, CREATED,
                CREATED, null, LeaveRequest.executionNameFor(id), CALLBACK_ID);
    }
}
