package io.leavebot.testing;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.ChatUnavailableException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A chat status that keeps what the workflow asked of it, for tests of when the leave's execution sets and clears
 * it (the Slack one is tested against WireMock); {@link #down()} makes every call fail as a chat outage would.
 */
public final class RecordingChatStatus implements ChatStatus {
    /** One call: {@code over} is when the status expires (null for a clearing). */
    public record Call(String requestId, Instant over) {
    }

    public final List<Call> set = new CopyOnWriteArrayList<>();
    public final List<Call> cleared = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    /** Chat cannot be reached until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    @Override
    public void leaveStarts(LeaveRequest leave, Instant over) {
        if (down) {
            throw new ChatUnavailableException("chat is down (test)");
        }
        set.add(new Call(leave.id(), over));
    }

    @Override
    public void leaveEnds(LeaveRequest leave) {
        if (down) {
            throw new ChatUnavailableException("chat is down (test)");
        }
        cleared.add(new Call(leave.id(), null));
    }
}
