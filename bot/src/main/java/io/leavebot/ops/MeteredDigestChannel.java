package io.leavebot.ops;

import io.leavebot.calendar.WhosOut;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.workflow.DigestChannel;

/** A who's-out digest channel that counts the posts it fails ({@link Metrics#notificationFailed}), as {@link MeteredChat} does. */
public final class MeteredDigestChannel implements DigestChannel {
    private final DigestChannel channel;
    private final Metrics metrics;

    public MeteredDigestChannel(DigestChannel channel, Metrics metrics) {
        this.channel = channel;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return channel.name();
    }

    @Override
    public String post(WhosOut digest) {
        try {
            return channel.post(digest);
        } catch (ChatUnavailableException e) {
            metrics.notificationFailed(channel.name());
            throw e;
        }
    }
}
