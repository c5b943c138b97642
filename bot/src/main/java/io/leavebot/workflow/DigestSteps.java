package io.leavebot.workflow;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.notify.Digest;
import io.leavebot.notify.Digest.PersonOut;
import io.leavebot.notify.Digest.TeamOut;
import io.leavebot.notify.DigestChannel;
import io.leavebot.notify.DigestDays;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.notify.Notifier;
import io.leavebot.notify.SentNotification;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The bodies of {@link DigestWorkflow}'s steps: claim the day, compose the digest, post it once per channel. */
final class DigestSteps {
    private static final System.Logger LOG = System.getLogger(DigestSteps.class.getName());

    private final LeaveStore leaves;
    private final DigestDays days;
    private final NotificationLog log;
    private final Roles roles;
    private final DigestMornings mornings;
    private final List<DigestChannel> channels;
    private final Clock clock;

    DigestSteps(LeaveStore leaves, DigestDays days, NotificationLog log, Roles roles, DigestMornings mornings,
            List<DigestChannel> channels, Clock clock) {
        this.leaves = leaves;
        this.days = days;
        this.log = log;
        this.roles = roles;
        this.mornings = mornings;
        this.channels = List.copyOf(channels);
        this.clock = clock;
    }

    /** The configured channels this execution holds the day's claim on, by name, in the configured order. */
    String[] claim(LocalDate day, String executionArn) {
        return channels.stream().map(DigestChannel::name)
                .filter(channel -> days.claim(day, channel, executionArn, clock.instant())).toArray(String[]::new);
    }

    /**
     * Who is out from {@code day} to the end of its working week, by team (by name, the people in no team last);
     * in a team, who is out that day first, then by first day and name. Only what a shared channel may see
     * ({@link Roles.Sight#OUT_ONLY}): names, days, approved or not.
     */
    Digest compose(LocalDate day) {
        LocalDate weekEnd = mornings.weekEnd(day);
        Map<String, List<PersonOut>> byTeam = new TreeMap<>(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        for (LeaveRequest leave : leaves.listOverlapping(day, weekEnd)) {
            Optional<String> team = roles.teamOf(leave.employee());
            byTeam.computeIfAbsent(team.orElse(null), t -> new ArrayList<>()).add(new PersonOut(
                    NotificationTexts.nameOf(leave.employee()), leave.start(), leave.end(), leave.halfDay(),
                    leave.status() == LeaveStatus.APPROVED));
        }
        Comparator<PersonOut> order = Comparator.comparing((PersonOut p) -> !p.covers(day))
                .thenComparing(PersonOut::start).thenComparing(PersonOut::name, String.CASE_INSENSITIVE_ORDER);
        List<TeamOut> teams = new ArrayList<>();
        byTeam.forEach((team, people) -> teams.add(new TeamOut(team, people.stream().sorted(order).toList())));
        return new Digest(day, weekEnd, teams);
    }

    /**
     * Posts the digest to the channel named {@code channel}, once per {@code key} (as the {@link Notifier} tells
     * people: the log first, then the post, then the record). A channel claimed and then taken out of the settings
     * before its post is skipped, recorded as {@value Notifier#NONE}.
     */
    SentNotification post(String channel, Digest digest, String key, String executionName) {
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
        log.recordSent(sent);
        return log.sent(key).orElse(sent);
    }
}
