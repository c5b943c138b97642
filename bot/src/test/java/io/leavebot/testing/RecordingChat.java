package io.leavebot.testing;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.function.Predicate;

/**
 * A chat channel that keeps what it was asked to deliver, for tests of the choice between chat and e-mail only
 * (the real Slack and Teams channels are tested against WireMock). By default it is named "slack" and reaches
 * people who have a Slack user id; {@link #down()} makes every delivery and update fail as an outage would, and
 * {@link #broken()} as a bug in the channel would (an {@link IllegalStateException}).
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
    private final String name;
    private final Predicate<Person> reaches;
    /** Every call of {@link #deliver} and {@link #update}, delivered or not: how often a step tried. */
    public final AtomicInteger attempts = new AtomicInteger();
    private boolean down;
    private boolean broken;

    /** "slack", reaching people with a Slack user id: those known by one, and Ada, Grace and Alan ({@link SampleLeaves}). */
    public RecordingChat() {
        this("slack", person -> SampleLeaves.slackIdOf(person) != null);
    }

    /** "slack", reaching people known by a Slack user id or whose Slack user id {@code addresses} keeps. */
    public RecordingChat(ChatAddressBook addresses) {
        this("slack", person -> person.chatUserId("slack").isPresent() || addresses.addressOf("slack", person).isPresent());
    }

    /** A channel named {@code name} that reaches whom {@code reaches} accepts. */
    public RecordingChat(String name, Predicate<Person> reaches) {
        this.name = name;
        this.reaches = reaches;
    }

    public RecordingChat down() {
        down = true;
        return this;
    }

    public RecordingChat broken() {
        broken = true;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean canReach(Person person) {
        return reaches.test(person);
    }

    @Override
    public synchronized String deliver(Person to, Notification notification, String replyTo) {
        failIfDown();
        String ref = (name.equals("slack") ? "C0DM/" : name + "/") + (deliveries.size() + 1);
        deliveries.add(new Delivery(to, notification, replyTo, ref));
        return ref;
    }

    @Override
    public synchronized void update(String messageRef, Notification notification) {
        failIfDown();
        updates.add(new Update(messageRef, notification));
    }

    private void failIfDown() {
        attempts.incrementAndGet();
        if (broken) {
            throw new IllegalStateException("a bug in the " + name + " channel (test)");
        }
        if (down) {
            throw new ChatUnavailableException(name + " answered 503 (test outage)", null);
        }
    }
}
