package io.leavebot.testing;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A chat channel that keeps what it was asked to deliver, for tests of the choice between chat and e-mail only
 * (the real Slack channel is tested against WireMock). It reaches people who have a Slack user id; {@link #down()}
 * makes every delivery and update fail as an outage would.
 */
public final class RecordingChat implements ChatChannel {
    /**
     * One delivered message.
     *
     * @param replyTo the message it replies to in a thread, or null
     */
    public record Delivery(Person to, Notification notification, String replyTo, String ref) {
    }

    /** One update of an earlier message. */
    public record Update(String ref, Notification notification) {
    }

    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    public final List<Update> updates = new CopyOnWriteArrayList<>();
    private boolean down;

    public RecordingChat down() {
        down = true;
        return this;
    }

    @Override
    public String name() {
        return "slack";
    }

    @Override
    public boolean canReach(Person person) {
        return person.slackUserId() != null;
    }

    @Override
    public synchronized String deliver(Person to, Notification notification, String replyTo) {
        failIfDown();
        String ref = "C0DM/" + (deliveries.size() + 1);
        deliveries.add(new Delivery(to, notification, replyTo, ref));
        return ref;
    }

    @Override
    public synchronized void update(String messageRef, Notification notification) {
        failIfDown();
        updates.add(new Update(messageRef, notification));
    }

    private void failIfDown() {
        if (down) {
            throw new ChatUnavailableException("slack answered 503 (test outage)", null);
        }
    }
}
