package io.leavebot.leave;

/**
 * What happens when a stage of a chain gets no answer within the approval window: the request expires (as it
 * always did), the stage is approved automatically, or it is escalated to one more person, who then has a window
 * of their own (and when they do not answer either, the request expires).
 *
 * @param escalateTo for ESCALATE, who is asked: a named person, or the approver's own approver as the routing found
 *                   them when the request was made; null otherwise
 */
public record OnTimeout(Action action, Person escalateTo) {

    public enum Action { EXPIRE, APPROVE, ESCALATE }

    public static final OnTimeout EXPIRE = new OnTimeout(Action.EXPIRE, null);
    public static final OnTimeout APPROVE = new OnTimeout(Action.APPROVE, null);

    public OnTimeout {
        if (action == null || (action == Action.ESCALATE) != (escalateTo != null)) {
            throw new IllegalArgumentException("escalation, and only escalation, names a person: " + action);
        }
    }

    public static OnTimeout escalateTo(Person person) {
        return new OnTimeout(Action.ESCALATE, person);
    }
}
