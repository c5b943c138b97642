package io.leavebot.leave;

import java.time.Instant;

/**
 * Something that happened to a request besides its status changes, kept for whoever looks into it later: so far,
 * an answer the workflow refused ({@value #ANSWER_REFUSED}). Entries are written once per request, round and
 * event, so a retried step records nothing twice.
 *
 * @param round   the approval round it happened in (1 for the first request to the approver)
 * @param actor   the person key the answer claimed to come from, or null when it named nobody
 * @param details what happened, in words (e.g. why an answer was refused)
 */
public record AuditEntry(String requestId, int round, String event, Instant at, String actor, String details) {
    /** An answer reached the approval callback that was not one, or came from someone who may not give it. */
    public static final String ANSWER_REFUSED = "answer-refused";

    public AuditEntry {
        if (requestId == null || event == null || at == null || round < 1) {
            throw new IllegalArgumentException("an audit entry needs a request, a round from 1, an event and a time");
        }
    }
}
