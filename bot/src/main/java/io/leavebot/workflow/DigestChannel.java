package io.leavebot.workflow;

import io.leavebot.calendar.WhosOut;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;

/**
 * A shared chat channel the who's-out digest is posted to: a Slack channel, a Teams channel or group chat. Unlike
 * a {@link ChatChannel}, it reaches a place, not a person. The digest is the calendar's {@link WhosOut} as
 * a channel sees it ({@link io.leavebot.calendar.TeamCalendar#whosOutForAChannel}): no
 * types, no reasons.
 */
public interface DigestChannel {
    /** Short name, recorded with the claim and the delivery: {@code slack}, {@code teams}. */
    String name();

    /**
     * Posts the digest; returns a reference to the posted message.
     *
     * @throws ChatUnavailableException when the channel cannot be reached or refuses the message (the step retries)
     */
    String post(WhosOut digest);
}
