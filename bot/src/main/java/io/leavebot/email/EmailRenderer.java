package io.leavebot.email;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationTexts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a {@link Notification} into an {@link Email}: the subject, a plain-text part and a small HTML part, all
 * worded by {@link NotificationTexts}. Approval requests and reminders get signed Approve / Reject links from
 * {@link DecisionLinks}, bound to the callback they answer, and state the callback id for integrations (the JSON
 * API decides by it); the receipt gets a signed Withdraw link. Decision links expire when the callback they answer
 * does (its place's {@code answerBy}: the step's window, or what was left of it when the place was asked again), so a
 * link never outlives the approval it answers; a Withdraw link when the last step could close at the latest.
 *
 * <p>Rendering is deterministic: the same notification gives the same e-mail, which keeps a retried step's message
 * identical to the first attempt's.
 */
public final class EmailRenderer {
    private final NotificationTexts texts;
    private final DecisionLinks links;
    private final String from;
    private final Duration approvalTimeout;

    /**
     * @param from            the sender, e.g. {@code LeaveBot <leavebot@example.org>}
     * @param approvalTimeout how long a request waits for its approver (the policy's), for the links' expiry
     */
    public EmailRenderer(NotificationTexts texts, DecisionLinks links, String from, Duration approvalTimeout) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("the sender address of LeaveBot's e-mail is not configured");
        }
        this.texts = texts;
        this.links = links;
        this.from = from.strip();
        this.approvalTimeout = approvalTimeout;
    }

    /**
     * The e-mail for one notification, addressed to its {@linkplain NotificationTexts#recipient recipient}.
     *
     * @param idempotencyKey carried into the e-mail, e.g. {@code leave-42/send-receipt}
     * @throws IllegalArgumentException if the recipient has no e-mail address (the notifier should not pick e-mail
     *                                  for them), or links are needed and the request has no creation time
     */
    public Email render(Notification notification, String idempotencyKey) {
        Person to = NotificationTexts.recipient(notification);
        if (to == null || to.email() == null) {
            throw new IllegalArgumentException("the recipient of this " + notification.kind()
                    + " notification has no e-mail address");
        }
        NotificationText text = texts.of(notification);
        List<ActionLink> actionLinks = new ArrayList<>();
        String linksNote = "";
        LeaveRequest leave = notification.leave();
        if (text.hasActions()) {
            Instant expiresAt = answerBy(leave, notification.callbackId());
            for (NotificationText.Action action : text.actions()) {
                actionLinks.add(new ActionLink(action.label(),
                        links.link(leave.id(), action.decision(), notification.callbackId(), expiresAt),
                        action.decision() == LeaveStatus.APPROVED));
            }
            linksNote = texts.actionsValidUntil(expiresAt, notification) + " " + texts.callbackIdNote(notification.callbackId());
        } else if (notification.kind() == Notification.Kind.RECEIPT && leave.status() == LeaveStatus.PENDING) {
            Instant expiresAt = lastStepClosesAt(leave);
            actionLinks.add(new ActionLink(NotificationTexts.WITHDRAW, links.withdrawLink(leave.id(), expiresAt), false));
            linksNote = texts.withdrawValidUntil(expiresAt);
        }
        String signature = texts.signature();
        return new Email(from, to.email(), oneLine(text.title()),
                PlainTextBody.of(text, actionLinks, linksNote, signature),
                HtmlBody.of(text, actionLinks, linksNote, signature),
                idempotencyKey);
    }

    /**
     * Until when the callback takes an answer: as its place keeps it; for a place asked before that was kept, a
     * window from when the step before was decided (or the request recorded), which is never later than the truth.
     */
    private Instant answerBy(LeaveRequest leave, String callbackId) {
        ApprovalChain chain = leave.chain();
        Optional<ApprovalChain.Place> place = chain.find(callbackId);
        Optional<Instant> kept = place.map(p -> chain.at(p).answerBy());
        if (kept.isPresent()) {
            return kept.get();
        }
        Instant opened = place.filter(p -> p.stage() > 1).map(p -> chain.stage(p.stage() - 1).decision())
                .map(Decision::at).orElse(created(leave));
        return opened.plus(approvalTimeout);
    }

    /** When the request's last step closes at the latest: every step's window, and an escalation's after each. */
    private Instant lastStepClosesAt(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        int windows = chain.stages().size() * (chain.onTimeout().action() == OnTimeout.Action.ESCALATE ? 2 : 1);
        return created(leave).plus(approvalTimeout.multipliedBy(windows));
    }

    private static Instant created(LeaveRequest leave) {
        if (leave.createdAt() == null) {
            throw new IllegalArgumentException("request " + leave.id() + " has no creation time, so its links cannot be "
                    + "given an expiry");
        }
        return leave.createdAt();
    }

    /** A subject is one header line: line breaks and other control characters from names become spaces. */
    private static String oneLine(String title) {
        return title.replaceAll("\\p{Cntrl}+", " ").strip();
    }
}
