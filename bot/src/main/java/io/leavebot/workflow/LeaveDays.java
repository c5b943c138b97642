package io.leavebot.workflow;

import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.Validation;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Approved leave's execution from the approval until the leave is over: watch the leave (callback
 * {@value LeaveWorkflow#LEAVE_CHANGES}, recorded by {@value LeaveWorkflow#WATCH_LEAVE}: {@link LeaveRequests#cancel}
 * completes it), wait until the first day ({@value LeaveWorkflow#UNTIL_LEAVE_STARTS}), set the employee's chat
 * status ({@value LeaveWorkflow#LEAVE_STARTS}), wait until the leave is over ({@value LeaveWorkflow#UNTIL_LEAVE_ENDS})
 * and clear it ({@value LeaveWorkflow#LEAVE_ENDS}).
 *
 * <p>A cancellation that reaches the watch ends the waits: the {@link Cancellation} steps run here and the
 * execution ends CANCELLED (or, when the leave started in between, tells the employee it is too late and goes on).
 * What reaches the watch is checked first ({@link AnswerCheck#cancellationRefusal}): anything else is audited
 * ({@value LeaveWorkflow#REFUSE_CHANGE}) and a fresh callback watches on, round n naming its operations {@code -n}.
 */
final class LeaveDays {
    private final DurableContext ctx;
    private final LeaveDaySteps days;
    private final CancellationSteps cancellations;
    private final String id;
    private final Person employee;
    private final Set<String> admins;
    private DurableCallbackFuture<String> changes;
    private int round;

    LeaveDays(DurableContext ctx, LeaveDaySteps days, CancellationSteps cancellations, String id, Person employee, Set<String> admins) {
        this.ctx = ctx;
        this.days = days;
        this.cancellations = cancellations;
        this.id = id;
        this.employee = employee;
        this.admins = admins;
    }

    /** From the approval to the end of the leave; returns APPROVED, or CANCELLED when it was cancelled meanwhile. */
    LeaveStatus liveThrough() {
        WatchedLeave watched = watch();
        if (watched.status() != LeaveStatus.APPROVED) {
            return watched.status(); // cancelled by the separate cancel-<id> execution before the watch began
        }
        LeaveStatus status = waitUntil(LeaveWorkflow.UNTIL_LEAVE_STARTS, watched, watched.starts());
        if (status != LeaveStatus.APPROVED) {
            return status;
        }
        WatchedLeave started = leaveStarts(watched);
        if (started.status() != LeaveStatus.APPROVED) {
            return started.status();
        }
        LeaveStatus over = waitUntil(LeaveWorkflow.UNTIL_LEAVE_ENDS, started, started.over());
        try {
            ctx.step(LeaveWorkflow.LEAVE_ENDS, LeaveStatus.class, s -> days.leaveEnds(id), LeaveWorkflow.CHAT_STATUS);
        } catch (StepFailedException e) {
            ctx.logger().warn("leave request %s: the chat status was not cleared (%s); it expires by itself", id, e.getMessage());
        }
        return over; // APPROVED: started leave is not cancelled (a cancellation now is told it is too late)
    }

    /** A fresh callback for changes to the leave, recorded where a cancellation finds it. */
    private WatchedLeave watch() {
        round++;
        changes = ctx.createCallback(inRound(LeaveWorkflow.LEAVE_CHANGES), String.class, Answers.callbackConfig(Duration.ZERO));
        String callbackId = changes.callbackId();
        return ctx.step(inRound(LeaveWorkflow.WATCH_LEAVE), WatchedLeave.class, s -> days.watch(id, callbackId));
    }

    /**
     * Waits until {@code then}, taking what reaches the watch meanwhile; returns the status the leave has then
     * (APPROVED, unless a cancellation was taken). Whether it waits at all is decided by the checkpointed
     * {@code seen} (under a second from the step's moment: no wait), so every replay asks for the same operations;
     * how long is counted from now, when the wait is first asked for: after a crash between the step and the wait,
     * the moment has come closer (on replay the recorded wait stands and the length is not used).
     */
    private LeaveStatus waitUntil(String name, WatchedLeave seen, Instant then) {
        if (seen.until(then).toSeconds() < 1) {
            return LeaveStatus.APPROVED;
        }
        Duration left = Duration.between(days.now(), then);
        // at least the service's shortest wait, at most its longest (the validator keeps new leave within it)
        Duration pause = left.toSeconds() < 1 ? Duration.ofSeconds(1)
                : left.compareTo(Duration.ofSeconds(Validation.MAX_SECONDS)) > 0 ? Duration.ofSeconds(Validation.MAX_SECONDS) : left;
        DurableFuture<Void> due = ctx.waitAsync(name, pause);
        while (changes != null && DurableFuture.anyOf(changes, due) == changes) {
            Answers.Received received = Answers.await(changes);
            changes = null; // spent: a cancellation is taken once
            String refusal = refusal(received);
            if (refusal == null) {
                Answer cancel = ((Answers.Received.Given) received).answer();
                boolean own = AnswerCheck.samePerson(cancel.by(), employee);
                Decision decision = new Decision(cancel.by(), received.at(), cancel.comment() != null ? cancel.comment()
                        : own ? null : "cancelled by an admin");
                LeaveStatus status = Cancellation.run(ctx, cancellations, id, decision);
                if (status != LeaveStatus.APPROVED) {
                    return status;
                }
            } else {
                int number = round;
                Person claimed = received instanceof Answers.Received.Given given ? given.answer().by() : null;
                ctx.step(inRound(LeaveWorkflow.REFUSE_CHANGE), String.class, s -> days.refuseChange(id, refusal, claimed, number));
                WatchedLeave watched = watch();
                if (watched.status() != LeaveStatus.APPROVED) {
                    return watched.status();
                }
            }
        }
        due.get();
        return LeaveStatus.APPROVED;
    }

    /** Sets the chat status; if that fails for good, the leave still runs its course (the status is not essential). */
    private WatchedLeave leaveStarts(WatchedLeave watched) {
        try {
            return ctx.step(LeaveWorkflow.LEAVE_STARTS, WatchedLeave.class, s -> days.leaveStarts(id), LeaveWorkflow.CHAT_STATUS);
        } catch (StepFailedException e) {
            ctx.logger().warn("leave request %s: the chat status was not set (%s)", id, e.getMessage());
            // the step ran at the start (or at once, if the leave had started when it was approved)
            return new WatchedLeave(LeaveStatus.APPROVED, watched.now().isAfter(watched.starts()) ? watched.now() : watched.starts(),
                    watched.starts(), watched.over());
        }
    }

    private String refusal(Answers.Received received) {
        if (received instanceof Answers.Received.Unreadable unreadable) {
            return "not a cancellation: " + unreadable.reason();
        }
        if (received instanceof Answers.Received.Given given) {
            return AnswerCheck.cancellationRefusal(given.answer(), id, employee, admins);
        }
        return "the watch timed out, which it never should"; // it has no timeout
    }

    private String inRound(String name) {
        return round == 1 ? name : name + "-" + round;
    }
}
