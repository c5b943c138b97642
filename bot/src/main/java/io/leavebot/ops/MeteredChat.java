package io.leavebot.ops;

import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.Notification;

/** A chat channel that counts the deliveries and updates it fails ({@link Metrics#notificationFailed}). */
public final class MeteredChat implements ChatChannel {
    private final ChatChannel chat;
    private final Metrics metrics;

    public MeteredChat(ChatChannel chat, Metrics metrics) {
        this.chat = chat;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return chat.name();
    }

    @Override
    public boolean canReach(Person person) {
        return chat.canReach(person);
    }

    @Override
    public String deliver(Person to, Notification notification, String replyTo) {
        try {
            return chat.deliver(to, notification, replyTo);
        } catch (ChatUnavailableException e) {
            metrics.notificationFailed(chat.name());
            throw e;
        }
    }

    @Override
    public void update(String messageRef, Notification notification) {
        try {
            chat.update(messageRef, notification);
        } catch (ChatUnavailableException e) {
            metrics.notificationFailed(chat.name());
            throw e;
        }
    }
}
