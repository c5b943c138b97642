package io.leavebot.workflow;

import io.leavebot.calendar.TeamCalendar;
import io.leavebot.calendar.WhosOut;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.DurableHandler;
import io.leavebot.notify.DigestDays;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.SentNotification;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The who's-out digest of one working morning, as one durable execution named {@code digest-<day>}
 * ({@link DigestMornings} starts it): claim the day on every configured channel ({@value #CLAIM}; another
 * execution for the same day finds it claimed and posts nothing), compose the digest ({@value #COMPOSE}: the calendar's
 * who is out that day and the rest of its week, by team, without types or reasons), then post it to each channel claimed
 * ({@value #POST}{@code <channel>}, side by side, once per key {@code <execution name>/<step name>} in the notification log).
 * Nobody out: the digest says so, all the same, so a quiet channel never means a broken bot. The operation names
 * and their order are the replay contract.
 */
public final class DigestWorkflow extends DurableHandler<DigestInput, Integer> {
    /** The function the digest's executions run as, in the embedded engine. */
    public static final String FUNCTION = "leavebot-digest";
    static final String CLAIM = "claim-day";
    static final String COMPOSE = "compose";
    /** Posting to channel c: {@code post-slack}, {@code post-teams}. */
    static final String POST = "post-";

    private final DigestSteps steps;

    /**
     * @param calendar who is out, by team ({@link TeamCalendar#whosOutForAChannel})
     * @param channels where the digest goes, in order; none turns it off (an execution then claims and posts nothing)
     * @param clock    for the claim's and the posts' times
     */
    public DigestWorkflow(TeamCalendar calendar, DigestDays days, NotificationLog log, List<DigestChannel> channels, Clock clock) {
        this.steps = new DigestSteps(calendar, days, log, channels, clock);
    }

    /** The name of {@code day}'s execution, e.g. {@code digest-2027-01-11}. */
    public static String executionNameFor(LocalDate day) {
        return "digest-" + day;
    }

    /** @return how many channels it posted to */
    @Override
    public Integer handleRequest(DigestInput input, DurableContext ctx) {
        LocalDate day = input.day();
        String execution = executionNameFor(day);
        String[] claimed = ctx.step(CLAIM, String[].class, s -> steps.claim(day, s.executionArn()));
        if (claimed.length == 0) {
            ctx.logger().info("digest of %s: claimed before, or no channel configured; nothing posted", day);
            return 0;
        }
        WhosOut digest = ctx.step(COMPOSE, WhosOut.class, s -> steps.compose(day));
        // side by side: one channel's outage (its step retrying for up to an hour) does not hold up the other's
        List<DurableFuture<SentNotification>> posts = new ArrayList<>();
        for (String channel : claimed) {
            String step = POST + channel;
            posts.add(ctx.stepAsync(step, SentNotification.class,
                    s -> steps.post(channel, digest, execution + "/" + step, execution), LeaveWorkflow.NOTIFY));
        }
        posts.forEach(DurableFuture::get);
        ctx.logger().info("digest of %s posted to %s", day, String.join(", ", claimed));
        return claimed.length;
    }
}
