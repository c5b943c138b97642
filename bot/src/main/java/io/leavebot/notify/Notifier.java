package io.leavebot.notify;

import io.leavebot.email.EmailRenderer;
import io.leavebot.email.Mailer;
import io.leavebot.leave.Person;
import io.leavebot.notify.SentNotification;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Who hears what, on which channel. Chat comes first: the configured {@link ChatChannel}s are asked in order, and the
 * first that can reach the person and delivers wins (so someone in both Slack and Teams hears in the first
 * configured; someone in only one hears there). E-mail is the fallback when no chat channel reaches them or all
 * that could failed, and the only channel when no chat is configured. People are matched across channels by e-mail,
 * so a request made in Slack can be approved by someone who only uses Teams. Every delivery is recorded in the
 * {@link NotificationLog} under its idempotency key, with the channel that carried it, so a workflow step that
 * runs again after a crash does not tell anyone twice, and a later update goes to the channel of the message.
 *
 * <p>Any chat failure falls back to e-mail: an outage ({@link ChatUnavailableException} that may pass) is logged as a
 * warning, a refusal (one that does not) or any other exception (a bug in a channel) as an error with its stack, so the person still hears and the operator sees
 * the bug. When no channel delivered, the failure is thrown for the calling step to retry or not
 * ({@link TransientFailures}): one that may pass wins over one that would recur, so a mail server refusing for good
 * does not stop the step from trying chat again. Someone no configured channel can ever reach (a Slack-only person
 * without chat) is logged and recorded as {@value #NONE}, so the request still goes on.
 */
public final class Notifier {
    /** Channel recorded for e-mail deliveries. */
    public static final String EMAIL = io.leavebot.LeaveBotNames.EMAIL_CHANNEL;
    /** Channel recorded when nobody could be reached by any configured channel. */
    public static final String NONE = "none";

    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final NotificationLog log;
    private final List<ChatChannel> chats;
    private final Mailer mailer;
    private final EmailRenderer emails;
    private final Clock clock;

    /**
     * @param chats  the chat front ends, in the order they are tried; empty for e-mail only
     * @param mailer null when e-mail is not configured (chat only); then {@code emails} may be null too
     * @throws IllegalArgumentException if neither chat nor e-mail is configured, or two channels share a name
     */
    public Notifier(NotificationLog log, List<ChatChannel> chats, Mailer mailer, EmailRenderer emails, Clock clock) {
        if (chats.isEmpty() && mailer == null) {
            throw new IllegalArgumentException("LeaveBot needs a chat channel or e-mail to tell people anything; "
                    + "configure Slack or Teams, or SMTP / SES / the outbox folder");
        }
        if (mailer != null && emails == null) {
            throw new IllegalArgumentException("e-mail is configured without an e-mail renderer");
        }
        if (chats.stream().map(ChatChannel::name).distinct().count() != chats.size()) {
            throw new IllegalArgumentException("two chat channels have the same name: " + chats.stream().map(ChatChannel::name).toList());
        }
        this.log = log;
        this.chats = List.copyOf(chats);
        this.mailer = mailer;
        this.emails = emails;
        this.clock = clock;
    }

    /**
     * Tells {@code to} about a request, once per {@code key}: if the log already has {@code key}, nothing is sent
     * and the earlier record is returned.
     *
     * @param key idempotency key, e.g. {@code leave-42/send-receipt}
     * @return the delivery as recorded (the first record for the key wins)
     * @throws ChatUnavailableException         if chat failed and there is no e-mail to fall back to
     * @throws io.leavebot.email.MailException if the e-mail could not be handed over
     * @throws RuntimeException                 a chat channel's own failure (a bug), when there is no e-mail either
     */
    public SentNotification notify(String key, Person to, Notification notification) {
        return send(key, to, notification, null);
    }

    /**
     * Like {@link #notify}, as a follow-up of the message sent under {@code originalKey}: when that one went by
     * chat, this one is posted as a reply in its thread (a reminder under the approval request), so the approver
     * sees the request, its reminders and its buttons together. When it went by e-mail, or not at all, this is
     * sent like any other notification.
     */
    public SentNotification followUp(String key, String originalKey, Person to, Notification notification) {
        return send(key, to, notification, originalKey);
    }

    /**
     * Replaces the chat message sent under {@code approvalKey} (the approval request) with {@code notification},
     * typically the outcome without the actions. Best effort: a failure is logged, not thrown.
     *
     * @return true if a chat message was updated; false if the request went by e-mail or the update failed
     */
    public boolean updateApprovalMessage(String approvalKey, Notification notification) {
        Optional<SentNotification> sent = log.sent(approvalKey);
        Optional<ChatChannel> chat = sent.flatMap(this::chatOf);
        if (chat.isEmpty()) {
            return false;
        }
        try {
            chat.get().update(sent.get().messageRef(), notification);
            return true;
        } catch (RuntimeException e) {
            logChatFailure(e, "could not update the " + chat.get().name() + " message of " + approvalKey
                    + " (request " + notification.leave().id() + ")");
            return false;
        }
    }

    /** Sends unless {@code key} was sent before; in chat as a reply to the message of {@code originalKey}, if any. */
    private SentNotification send(String key, Person to, Notification notification, String originalKey) {
        Optional<SentNotification> earlier = log.sent(key);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        SentNotification original = originalKey == null ? null : log.sent(originalKey).orElse(null);
        SentNotification sent = deliver(key, to, notification, original);
        return log.recordSent(sent);
    }

    /** The configured chat channel that carried {@code sent}; empty if it went by e-mail, or by a channel gone since. */
    private Optional<ChatChannel> chatOf(SentNotification sent) {
        return chats.stream().filter(chat -> chat.name().equals(sent.channel())).findFirst();
    }

    /**
     * Tries each chat channel that can reach {@code to}, then e-mail.
     *
     * @param original the delivery this one follows up, or null: a channel gets its message as {@code replyTo} only
     *                 when it carried that message itself
     */
    private SentNotification deliver(String key, Person to, Notification notification, SentNotification original) {
        String requestId = notification.leave().id();
        RuntimeException chatFailure = null;
        for (ChatChannel chat : chats) {
            if (!chat.canReach(to)) {
                continue;
            }
            String replyTo = original != null && chat.name().equals(original.channel()) ? original.messageRef() : null;
            try {
                String ref = chat.deliver(to, notification, replyTo);
                return new SentNotification(key, requestId, chat.name(), ref, clock.instant());
            } catch (RuntimeException e) {
                chatFailure = retriedFirst(chatFailure, e);
                logChatFailure(e, "no " + chat.name() + " delivery for " + key + " (request " + requestId + ")");
            }
        }
        if (canEmail(to)) {
            try {
                mailer.send(emails.render(notification, key));
            } catch (RuntimeException e) {
                throw mailFailed(e, chatFailure, key, requestId);
            }
            return new SentNotification(key, requestId, EMAIL, null, clock.instant());
        }
        if (chatFailure != null) {
            throw chatFailure; // the step retries it if it may pass
        }
        LOG.log(System.Logger.Level.WARNING, "nobody told for " + key + " (request " + requestId + "): the recipient "
                + "has " + (to.email() == null ? "no e-mail address" : "an e-mail address, but e-mail is not configured")
                + (chats.isEmpty() ? " and no chat is configured"
                        : " and cannot be reached by " + chats.stream().map(ChatChannel::name).toList()));
        return new SentNotification(key, requestId, NONE, null, clock.instant());
    }

    /**
     * What to throw when e-mail failed after chat: a chat failure that may pass, when the mail failure would recur,
     * so the step tries again and chat, once back, delivers; else the mail failure. The other is logged or suppressed.
     */
    private static RuntimeException mailFailed(RuntimeException mail, RuntimeException chat, String key, String requestId) {
        if (chat != null && !TransientFailures.mayPass(mail) && TransientFailures.mayPass(chat)) {
            LOG.log(System.Logger.Level.ERROR, "no e-mail for " + key + " (request " + requestId + "), and sending "
                    + "again would not help; trying chat again later", mail);
            return chat;
        }
        if (chat != null) {
            mail.addSuppressed(chat);
        }
        return mail;
    }

    /** Of two chat failures, the one a retry may get past: a later attempt may reach a channel that is back. */
    private static RuntimeException retriedFirst(RuntimeException earlier, RuntimeException latest) {
        return earlier != null && TransientFailures.mayPass(earlier) ? earlier : latest;
    }

    /**
     * An outage is a warning with its reason; a refusal (one that would recur) is an error with its stack, for the
     * operator to mend (a revoked token, a missing scope); anything else is a bug in the channel, with its stack.
     */
    private static void logChatFailure(RuntimeException e, String what) {
        if (e instanceof ChatUnavailableException chat && chat.mayPass()) {
            LOG.log(System.Logger.Level.WARNING, what + ": " + e.getMessage());
        } else if (e instanceof ChatUnavailableException) {
            LOG.log(System.Logger.Level.ERROR, what + ": " + e.getMessage() + "; trying again would not help", e);
        } else {
            LOG.log(System.Logger.Level.ERROR, what + ": the channel failed with " + e.getClass().getName()
                    + ", which is not an outage but a bug to report", e);
        }
    }

    private boolean canEmail(Person to) {
        return mailer != null && to.email() != null;
    }
}
