package io.leavebot.notify;

import io.leavebot.leave.Person;

/**
 * A chat front end that can reach people directly (Slack today, Teams later). The workflow's notifications go
 * here first; {@link io.leavebot.notify.Notifier} falls back to e-mail when this throws or cannot reach someone.
 */
public interface ChatChannel {
    /** Short name recorded with each notification, e.g. "slack". */
    String name();

    /** Whether this person can be reached here at all (e.g. has a Slack user id). */
    boolean canReach(Person person);

    /**
     * Delivers one notification; returns a reference to the posted message (for later updates), or throws
     * {@link ChatUnavailableException}.
     */
    String deliver(Person to, Notification notification);

    /** Replaces an earlier message (e.g. the approval request, once decided); best effort. */
    void update(String messageRef, Notification notification);
}
