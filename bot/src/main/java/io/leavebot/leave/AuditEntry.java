package io.leavebot.leave;

import java.time.Instant;

/**
 * Something that happened to a request besides its status changes, kept for whoever looks into it later: an
 * answer the workflow refused, a stand-in asked, an escalation. Entries are written once per request, round and
 * event, so a retried step records nothing twice. In an approval chain the event names where it happened, e.g.
 * {@code delegated@stage-2/approver-1}.
 *
 * @param round   the approval round it happened in (1 for the first request to the approver)
 * @param actor   the person key the answer claimed to come from, or null when it named nobody
 * @param details what happened, in words (e.g. why an answer was refused)
 */
public record AuditEntry(String requestId, int round, String event, Instant at, String actor, String details) {
    /** An answer reached the approval callback that was not one, or came from someone who may not give it. */
    public static final String ANSWER_REFUSED = "answer-refused";
    /** An approver's availability changed (they are away, or back): whoever decides for them now was asked. */
    public static final String REASSIGNED = "reassigned";
    /** A stand-in was asked in place of an approver who is away. */
    public static final String DELEGATED = "delegated";
    /** A stage got no answer in time and was escalated. */
    public static final String ESCALATED = "escalated";
    /** An approval was not recorded: it would have taken the balance below what the policy allows (the request is rejected). */
    public static final String BALANCE_REFUSED = "balance-refused";
    /** Approved leave was cancelled before it started, and its days refunded. */
    public static final String CANCELLED = "cancelled";
    /** Something reached approved leave's watch that was not a cancellation it could take (not one, or not by the employee or an admin). */
    public static final String CHANGE_REFUSED = "change-refused";

    /** Where an event in an approval chain happened is written after this in {@code event}: {@code delegated@stage-2/approver-1}. */
    private static final String AT = "@";

    /** The event at a place of a chain, e.g. {@code at(DELEGATED, 2, 0)}: {@code delegated@stage-2/approver-1}. */
    public static String at(String kind, int stage, int place) {
        return kind + AT + "stage-" + stage + "/approver-" + (place + 1);
    }

    /** What happened: the event without its place. */
    public String kind() {
        int at = event.indexOf(AT);
        return at < 0 ? event : event.substring(0, at);
    }

    /** Where in the chain, e.g. {@code stage-2/approver-1}; null for events of requests made before chains. */
    public String place() {
        int at = event.indexOf(AT);
        return at < 0 ? null : event.substring(at + 1);
    }

    public AuditEntry {
        if (requestId == null || event == null || at == null || round < 1) {
            throw new IllegalArgumentException("an audit entry needs a request, a round from 1, an event and a time");
        }
    }
}
