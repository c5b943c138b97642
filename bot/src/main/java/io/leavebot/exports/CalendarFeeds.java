package io.leavebot.exports;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import io.leavebot.workflow.Roles;
import io.leavebot.workflow.Roles.Sight;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Every person's two calendar feeds — their own leave, in full, and who is out in their team — and the whole
 * organisation's, for integrations with the API key. A feed is read with its secret token ({@code
 * /calendar/<token>.ics}); the token is shown once, when it is made, as only its hash is kept, and
 * {@link #rotate} replaces both of a person's tokens (the old links stop working).
 *
 * <p>Who sees what ({@link Roles}): the own feed carries type and reason. The team feed is the people of the owner's
 * team as {@link Roles#sameTeam} has it, out-only for everyone — approvers and admins included, and the owner's own
 * leave too — since a team feed is the kind of link that ends up on a shared screen; approvers and admins see more
 * in LeaveBot itself, and integrations in the organisation's feed. A feed covers {@value #MONTHS_BACK} months back and
 * {@value #MONTHS_AHEAD} ahead; approved leave always, pending leave (tentative) when asked for.
 */
public final class CalendarFeeds {
    static final int MONTHS_BACK = 3;
    static final int MONTHS_AHEAD = 12;
    /** Where feeds are served, under the web app. */
    public static final String PATH = "/calendar/";
    public static final String SUFFIX = ".ics";

    private final FeedTokens tokens;
    private final LeaveStore leaves;
    private final Roles roles;
    private final Clock clock;
    private final String baseUrl;

    /** What {@code calendar} answers: the links made now, or when the current ones were made. */
    public record Links(Optional<String> own, Optional<String> team, Optional<Instant> madeAt) {
        /** Whether the links are new, and so shown (else they were shown when made). */
        public boolean fresh() {
            return own.isPresent();
        }
    }

    /**
     * @param clock   today, in its zone, is where the window is counted from
     * @param baseUrl how people reach the web app, e.g. {@code https://leave.example.com}
     */
    public CalendarFeeds(FeedTokens tokens, LeaveStore leaves, Roles roles, Clock clock, String baseUrl) {
        this.tokens = tokens;
        this.leaves = leaves;
        this.roles = roles;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The person's feed links when they have none yet (made now); otherwise when theirs were made. */
    public Links linksOf(Person owner) {
        Optional<Instant> made = tokens.tokenMadeAt(new Feed(Feed.Scope.OWN, owner).id());
        if (made.isPresent() && tokens.tokenMadeAt(new Feed(Feed.Scope.TEAM, owner).id()).isPresent()) {
            return new Links(Optional.empty(), Optional.empty(), made);
        }
        return rotate(owner);
    }

    /** New tokens for both of the person's feeds; the old ones open nothing from now on. */
    public Links rotate(Person owner) {
        Instant now = clock.instant();
        String own = issue(new Feed(Feed.Scope.OWN, owner), now);
        String team = issue(new Feed(Feed.Scope.TEAM, owner), now);
        return new Links(Optional.of(own), Optional.of(team), Optional.of(now));
    }

    private String issue(Feed feed, Instant now) {
        String token = FeedToken.random();
        tokens.replaceToken(feed.id(), FeedToken.hash(token), now);
        return baseUrl + PATH + token + SUFFIX;
    }

    /**
     * The feed a token opens, as iCalendar text; empty for a token that is malformed, unknown or rotated away.
     *
     * @param pending whether pending leave is in it too, as tentative events
     */
    public Optional<String> feed(String token, boolean pending) {
        if (!FeedToken.isWellFormed(token)) {
            return Optional.empty();
        }
        return tokens.feedWithToken(FeedToken.hash(token)).flatMap(Feed::fromId).map(feed -> render(feed, pending));
    }

    /** Everyone's leave, in full: for integrations holding the API key. */
    public String organisation(boolean pending) {
        ICalendarWriter out = new ICalendarWriter("Who's out: everyone");
        forEachInWindow(pending, leave -> out.add(leave, Sight.FULL, false));
        return out.text();
    }

    private String render(Feed feed, boolean pending) {
        Person owner = feed.owner();
        if (feed.scope() == Feed.Scope.OWN) {
            ICalendarWriter out = new ICalendarWriter("My leave (LeaveBot)");
            forEachInWindow(pending, leave -> {
                if (leave.employee().isSameAs(owner)) {
                    out.add(leave, Sight.FULL, true);
                }
            });
            return out.text();
        }
        ICalendarWriter out = new ICalendarWriter("Who's out: " + roles.teamOf(owner).orElse("everyone"));
        forEachInWindow(pending, leave -> {
            if (roles.sameTeam(owner, leave.employee())) {
                out.add(leave, Sight.OUT_ONLY, false);
            }
        });
        return out.text();
    }

    private void forEachInWindow(boolean pending, java.util.function.Consumer<LeaveRequest> each) {
        LocalDate today = LocalDate.now(clock);
        leaves.forEachOverlapping(today.minusMonths(MONTHS_BACK), today.plusMonths(MONTHS_AHEAD), leave -> {
            if (leave.status() == LeaveStatus.APPROVED || (pending && leave.status() == LeaveStatus.PENDING)) {
                each.accept(leave);
            }
        });
    }
}
