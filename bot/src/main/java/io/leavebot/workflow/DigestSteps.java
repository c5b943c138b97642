package io.leavebot.workflow;

import io.leavebot.calendar.TeamCalendar;
import io.leavebot.calendar.WhosOut;
import io.leavebot.notify.DigestDays;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.Notifier;
import io.leavebot.notify.SentNotification;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The bodies of {@link DigestWorkflow}'s steps: claim the day, compose the digest, post it once per channel. */
final class DigestSteps {
    private static final System.Logger LOG = System.getLogger(DigestSteps.class.getName());

    private final TeamCalendar calendar;
    private final DigestDays days;
    private final NotificationLog log;
    private final List<DigestChannel> channels;
    private final Clock clock;

    DigestSteps(TeamCalendar calendar, DigestDays days, NotificationLog log, List<DigestChannel> channels, Clock clock) {
        this.calendar = calendar;
        this.days = days;
        this.log = log;
        this.channels = List.copyOf(channels);
        this.clock = clock;
    }

    /** The configured channels this execution holds the day's claim on, by name, in the configured order. */
    String[] claim(LocalDate day, String executionArn) {
        return channels.stream().map(DigestChannel::name)
                .filter(channel -> days.claim(day, channel, executionArn, clock.instant())).toArray(String[]::new);
    }

    /** Who is out on {@code day} and later that week, by team, as a shared channel may see it (no types, no reasons). */
    WhosOut compose(LocalDate day) {
        return calendar.whosOutForAChannel(day);
    }

    /**
     * Posts the digest to the channel named {@code channel}, once per {@code key} (as the {@link Notifier} tells
     * people: the log first, then the post, then the record). A channel claimed and then taken out of the settings
     * before its post is skipped, recorded as {@value Notifier#NONE}.
     */
    SentNotification post(String channel, WhosOut digest, String key, String executionName) {
        Optional<SentNotification> earlier = log.sent(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<DigestChannel> configured = channels.stream().filter(c -> c.name().equals(channel)).findFirst();
        if (configured.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, key + ": the digest channel " + channel + " is no longer configured; not posted");
        }
        String ref = configured.map(c -> c.post(digest)).orElse(null);
        var sent = new SentNotification(key, executionName, configured.isPresent() ? channel : Notifier.NONE, ref, clock.instant());
        return log.recordSent(sent);
    }
}
