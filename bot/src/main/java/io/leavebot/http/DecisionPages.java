package io.leavebot.http;

import io.leavebot.email.DecisionLinks;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.Notification;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationTexts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The pages a decision link leads to: the confirmation with its form, the thank-you, and a clear page for each
 * link that cannot decide (used, expired, changed, incomplete, unknown request). Facts about a request come from
 * {@link NotificationTexts}, so the page says what the e-mail and Slack say. Every page that refuses says that
 * nothing was changed and what to do instead, naming only the chat apps that are on.
 */
final class DecisionPages {
    /** Longest comment accepted with a decision, in characters. */
    static final int MAX_COMMENT = 1000;

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final String NOTHING_CHANGED = "Nothing was changed.";

    private final NotificationTexts texts;
    private final ZoneId zone;
    private final List<ChatApp> chatApps;

    /** @param chatApps where approvers can decide besides e-mail links; empty when e-mail is all there is */
    DecisionPages(ZoneId zone, Collection<ChatApp> chatApps) {
        this.texts = new NotificationTexts(zone);
        this.chatApps = chatApps.stream().sorted().distinct().toList();
        // ZoneOffset.UTC prints as "Z"; the region id prints as "UTC", which people recognise
        this.zone = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
    }

    /** 200: what is about to happen, and the form that makes it happen (with a comment box for a rejection). */
    Page confirm(LeaveRequest leave, LeaveStatus decision, String token, String comment, String error) {
        boolean approve = decision == LeaveStatus.APPROVED;
        String employee = employee(leave);
        String title = (approve ? "Approve " : "Reject ") + possessive(employee) + " leave?";
        StringBuilder body = new StringBuilder();
        if (error != null) {
            body.append("<p class=\"error\" role=\"alert\">").append(Html.text(error)).append("</p>\n");
        }
        String step = NotificationTexts.stepOf(leave).map(s -> " at " + s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1))
                .orElse("");
        body.append(Html.paragraphs(List.of("You are about to " + (approve ? "approve" : "reject") + " this request" + step
                + ". " + employee + " will be told right away.")));
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Employee", employee});
        // the receipt's details: dates, working days, type, reason and the status (waiting for this approver)
        facts.addAll(rows(texts.of(Notification.of(Notification.Kind.RECEIPT, leave))));
        body.append(Html.facts(facts));
        // no action attribute: the form posts back to this very address, whatever prefix a proxy put in front
        body.append("<form method=\"post\">\n<input type=\"hidden\" name=\"").append(DecisionLinks.TOKEN_PARAMETER)
                .append("\" value=\"").append(Html.text(token)).append("\">\n");
        if (!approve) {
            body.append("<p><label for=\"comment\">A comment for ").append(Html.text(employee))
                    .append(" (optional)</label><br><textarea id=\"comment\" name=\"").append(DecisionEndpoint.COMMENT)
                    .append("\" maxlength=\"").append(MAX_COMMENT)
                    .append("\">").append(Html.text(comment)).append("</textarea></p>\n");
        }
        body.append("<p><button type=\"submit\" class=\"").append(approve ? "approve" : "reject").append("\">")
                .append(approve ? "Approve leave" : "Reject leave").append("</button></p>\n</form>\n");
        return new Page(error == null ? 200 : 400, Html.page(title, body.toString()));
    }

    /**
     * 200: the decision is on its way; worded as the approver's own message will read once it is recorded. An
     * approval that does not end the request (a later step follows, or others of the step must approve too) says
     * where the request goes on to.
     */
    Page done(LeaveRequest leave, Person by, LeaveStatus decision, String comment, Instant at) {
        Optional<String> next = decision == LeaveStatus.APPROVED ? goesOnTo(leave, by) : Optional.empty();
        if (next.isPresent()) {
            List<String[]> facts = rows(texts.of(Notification.of(Notification.Kind.RECEIPT, leave))).stream()
                    .filter(row -> !row[0].equals("Status")).toList();
            return new Page(200, Html.page("Thank you — you approved the leave at your step", Html.paragraphs(List.of(
                    next.get() + " There is nothing more for you to do."))) + Html.facts(facts));
        }
        LeaveRequest decided = leave.withStatus(decision, new Decision(by, at, comment), at);
        String callbackId = leave.callbackFor(by).orElse(null);
        NotificationText text = texts.of(new Notification(Notification.Kind.APPROVER_UPDATE, decided, callbackId, 0, List.of()));
        String title = decision == LeaveStatus.APPROVED ? "Thank you — you approved the leave" : "Thank you — you rejected the leave request";
        return new Page(200, Html.page(title, Html.paragraphs(List.of(employee(leave) + " will be told right away. "
                + "There is nothing more for you to do.")) + Html.facts(rows(text))));
    }

    /**
     * 410: the request is no longer waiting: decided (by whom and when), expired or withdrawn, each called so. A
     * request still PENDING here was answered a moment ago through another channel, and its outcome is being recorded.
     */
    Page alreadyDecided(LeaveRequest leave) {
        Notification.Kind kind = leave.status().isFinal() ? Notification.Kind.APPROVER_UPDATE : Notification.Kind.RECEIPT;
        NotificationText text = texts.of(Notification.of(kind, leave));
        String title = switch (leave.status()) {
            case EXPIRED -> "This request has expired";
            case CANCELLED -> leave.approvedByEveryStage() ? "This leave was cancelled" : "This request was withdrawn";
            default -> "This request has already been decided";
        };
        return new Page(410, Html.page(title, Html.paragraphs(List.of(possessive(employee(leave)) + " request "
                + outcome(leave) + ". " + NOTHING_CHANGED + " This link can no longer decide it.")) + Html.facts(rows(text))));
    }

    /** 410: the link's time is up, though the signature is ours. */
    Page expired(LeaveRequest leave, Instant expiredAt) {
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("This link stopped working on " + moment(expiredAt) + ". " + NOTHING_CHANGED);
        if (leave != null) {
            paragraphs.add("It was for " + possessive(employee(leave)) + " leave request. If the request still needs a "
                    + "decision, please use the newest e-mail about it" + orInChat("LeaveBot") + ".");
        }
        return new Page(410, Html.page("This link has expired", Html.paragraphs(paragraphs)));
    }

    /** 400: the signature does not match, so nothing in the link can be trusted. */
    Page tampered() {
        return new Page(400, Html.page("This link is not valid", Html.paragraphs(List.of(
                "This link was changed after LeaveBot sent it, so it cannot be used. " + NOTHING_CHANGED,
                "Please open the link exactly as it appears in the e-mail" + orInChat("decide in LeaveBot") + "."))));
    }

    /** 400: not a decision link at all, often one a mail program cut short. */
    Page malformed() {
        return new Page(400, Html.page("This link is incomplete", Html.paragraphs(List.of(
                "Part of this link is missing; some mail programs cut long links in two. " + NOTHING_CHANGED,
                "Please copy the whole link from the e-mail into your browser" + orInChat("decide in LeaveBot") + "."))));
    }

    /** 404: the link is ours, but LeaveBot knows no such request. */
    Page unknownRequest() {
        return new Page(404, Html.page("We could not find this leave request", Html.paragraphs(List.of(
                "LeaveBot has no record of the request this link is for; it may have been removed. " + NOTHING_CHANGED))));
    }

    /** 403: the request refused this decider. */
    Page notAllowed(LeaveRequest leave) {
        return new Page(403, Html.page("This link cannot decide this request", Html.paragraphs(List.of(
                "Only " + possessive(approver(leave)) + " decision counts for this request, and this link is no longer "
                        + "theirs to use. " + NOTHING_CHANGED))));
    }

    /** 503: the request is still being set up (its approver is being asked); a moment later the link works. */
    Page notReady() {
        return new Page(503, Html.page("This request is not ready yet", Html.paragraphs(List.of(
                "LeaveBot is still setting this request up. " + NOTHING_CHANGED,
                "Please go back and send your decision again in a minute."))));
    }

    /** Any other refusal (wrong method, too much data): its status and message. */
    Page problem(HttpProblem problem) {
        return new Page(problem.status, Html.page("This page cannot do that", Html.paragraphs(List.of(
                problem.getMessage(), NOTHING_CHANGED))));
    }

    /** 500: something failed on our side; the decision may or may not have been recorded. */
    Page unexpected() {
        return new Page(500, Html.page("Something went wrong", Html.paragraphs(List.of(
                "Something went wrong on our side, and we cannot tell whether your decision was recorded.",
                "Please open the link again in a minute: it will show the request as it stands."))));
    }

    /**
     * 410: the link belongs to an approval request that was replaced: the approver was asked again, after an
     * answer LeaveBot refused, and only the newest request's links work.
     */
    Page replaced(LeaveRequest leave) {
        return new Page(410, Html.page("This link was replaced", Html.paragraphs(List.of(
                "LeaveBot asked you again about " + possessive(employee(leave)) + " request, so the links of the "
                        + "earlier e-mail no longer work. " + NOTHING_CHANGED,
                "Please use the links in the newest e-mail about this request."))));
    }

    /**
     * Where the request goes after {@code by}'s approval when it does not end it: "The request now goes to HR." or
     * "The request waits for the rest of Finance."; empty when this approval decides it.
     */
    private static Optional<String> goesOnTo(LeaveRequest leave, Person by) {
        ApprovalChain chain = leave.chain();
        Optional<Integer> current = chain.current();
        if (current.isEmpty() || chain.placeOf(by).isEmpty()) {
            return Optional.empty();
        }
        ApprovalStage stage = chain.stage(current.get());
        if (stage.rule() == ApprovalRule.ALL && stage.waiting().size() > 1) {
            return Optional.of("Your approval is recorded; the request waits for the rest of " + stage.label() + ".");
        }
        return current.get() < chain.stages().size()
                ? Optional.of("Your approval is recorded, and the request now goes to " + chain.stage(current.get() + 1).label() + ".")
                : Optional.empty();
    }

    /** The details of a text as the rows of a page's facts table. */
    static List<String[]> rows(NotificationText text) {
        return text.details().stream().map(d -> new String[] {d.label(), d.value()}).toList();
    }

    private String outcome(LeaveRequest leave) {
        Decision d = leave.decision();
        String when = d != null && d.at() != null ? " on " + moment(d.at()) : "";
        String by = d != null && d.by() != null ? " by " + name(d.by()) : "";
        return switch (leave.status()) {
            case APPROVED -> "was already approved" + by + when;
            case REJECTED -> "was already rejected" + by + when;
            case CANCELLED -> (leave.approvedByEveryStage() ? "was approved, then cancelled" : "was withdrawn") + by + when
                    + ", so it no longer needs a decision";
            case EXPIRED -> "expired" + when + ", because nobody decided it in time";
            case PENDING -> "was answered a moment ago, and the outcome is being recorded";
        };
    }

    /** ", or decide in LeaveBot in Slack or Microsoft Teams": the chat apps that are on; nothing when none is. */
    private String orInChat(String what) {
        if (chatApps.isEmpty()) {
            return "";
        }
        List<String> names = chatApps.stream().map(ChatApp::displayName).toList();
        return ", or " + what + " in " + String.join(" or ", names);
    }

    private String moment(Instant at) {
        return MOMENT.format(at.atZone(zone));
    }

    private static String employee(LeaveRequest leave) {
        return name(leave.employee());
    }

    private static String approver(LeaveRequest leave) {
        return NotificationTexts.withWhom(leave);
    }

    /** The display name, else the e-mail address; never a raw chat user id. */
    private static String name(Person person) {
        return person.displayName() != null ? person.displayName() : person.email() != null ? person.email() : "a colleague";
    }

    private static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }
}
