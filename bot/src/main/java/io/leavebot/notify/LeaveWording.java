package io.leavebot.notify;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.NotificationText.Detail;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.Optional;

/** How a request's parts read in a sentence: names, dates, working days, type, decisions. */
final class LeaveWording {
    /** English month and day names everywhere; en-GB would write "Sept", which looks like a typo to many. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm zzz", Locale.ENGLISH);
    private static final int MAX_AWAY_LISTED = 5;

    private final ZoneId zone;
    private final ChainWording chain;

    LeaveWording(ZoneId zone) {
        // ZoneOffset.UTC prints as "Z"; the region id prints as "UTC", which people recognise
        this.zone = ZoneOffset.UTC.equals(zone) ? ZoneId.of("UTC") : zone;
        this.chain = new ChainWording(this);
    }

    /** The display name, else the e-mail address; never a raw chat user id. */
    static String name(Person person) {
        if (person == null) {
            return "someone";
        }
        return person.displayName() != null ? person.displayName() : person.email() != null ? person.email() : "a colleague";
    }

    static String greeting(Person person) {
        return person != null && person.displayName() != null ? "Hi " + person.displayName() + "," : "Hello,";
    }

    static String possessive(String name) {
        return name.endsWith("s") ? name + "'" : name + "'s";
    }

    /** "Mon 12 Jan 2026 – Fri 16 Jan 2026", "Mon 12 Jan 2026" or "Mon 12 Jan 2026 (half day)". */
    static String dates(LeaveRequest leave) {
        String first = day(leave.start());
        if (leave.halfDay()) {
            return first + " (half day)";
        }
        return leave.end() == null || leave.end().equals(leave.start()) ? first : first + " – " + day(leave.end());
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }

    /** "half a day", "1 working day", "5 working days", "no working days". */
    static String workingDays(LeaveRequest leave) {
        double days = leave.workingDays();
        if (days == 0.5) {
            return "half a day";
        }
        if (days == 0) {
            return "no working days";
        }
        String count = days == Math.rint(days) ? String.valueOf((long) days) : String.valueOf(days);
        return count + (days == 1 ? " working day" : " working days");
    }

    /** "annual leave", "sick leave"; a type that already says "leave" is kept as it is. */
    static String typePhrase(LeaveRequest leave) {
        return BalanceWording.typePhrase(leave.type());
    }

    /** "5 working days of annual leave". */
    static String amount(LeaveRequest leave) {
        return workingDays(leave) + " of " + typePhrase(leave);
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    static boolean hasReason(LeaveRequest leave) {
        return leave.reason() != null && !leave.reason().isBlank();
    }

    /** Whether the decision carries a person's comment (an automatic approval's reason is not one). */
    static boolean hasComment(LeaveRequest leave) {
        return leave.decision() != null && leave.decision().comment() != null && !leave.decision().comment().isBlank()
                && !isAutomatic(leave);
    }

    /** Whether nobody's approval approved it: a rule at submission, or nobody answering in time. */
    static boolean isAutomatic(LeaveRequest leave) {
        return leave.status() == LeaveStatus.APPROVED && leave.decision() != null && leave.decision().by() == null;
    }

    /**
     * How an approval by nobody reads after "is": "approved automatically: nobody answered within 3 days" (a
     * {@link Decision#automatic}), "approved: sick leave of up to 1 day is approved automatically" (a rule's words),
     * or "approved automatically" when nothing says why.
     */
    static String approvedByNobody(LeaveRequest leave) {
        Decision decision = leave.decision();
        return decision.automaticReason().map(why -> "approved automatically: " + why)
                .orElse(decision.comment() == null || decision.comment().isBlank() ? "approved automatically"
                        : "approved: " + decision.comment().strip());
    }

    /** "Approved automatically on Tue 6 Jan 2026, 14:05 UTC: nobody answered within 3 days", or with a rule's words. */
    private String statusApprovedByNobody(LeaveRequest leave) {
        String[] parts = approvedByNobody(leave).split(":", 2);
        return capitalised(parts[0]) + onWhen(leave) + (parts.length == 2 ? ":" + parts[1] : "");
    }

    /** Who decided: the decision's author, else who the request was with when it ended. */
    static String decider(LeaveRequest leave) {
        Decision decision = leave.decision();
        return decision != null && decision.by() != null ? name(decision.by()) : withWhom(leave);
    }

    /**
     * Who an approver's notification is for: whoever was asked for the place of its callback (the stand-in while
     * there is one); for a callback the place had before it was asked again, the approver who is now away, or
     * whoever it was sent to again; else the first of those the request waits on, else its first approver.
     */
    static Person addressee(Notification notification) {
        ApprovalChain chain = notification.leave().chain();
        return chain.find(notification.callbackId()).map(place -> chain.at(place).asked())
                .or(() -> ChainWording.previouslyAt(chain, notification.callbackId())
                        .map(place -> place.standIn() != null ? place.approver() : place.asked()))
                .or(() -> notification.leave().waitingOn().stream().findFirst())
                .orElse(chain.firstApprover());
    }

    /**
     * Who the request is with: the stage now deciding (the next one between stages, the last one reached once
     * decided, the first before anyone is asked), by its name or its single approver's (their stand-in's while they
     * are away); once escalated, the person it was escalated to.
     */
    static String withWhom(LeaveRequest leave) {
        ApprovalStage stage = leave.chain().stage(stageNow(leave.chain()));
        Optional<StageApprover> escalation = stage.waiting().stream().filter(StageApprover::escalated).findFirst();
        if (escalation.isPresent()) {
            return name(escalation.get().asked()); // the stage's own window has closed: only the escalation answers now
        }
        return stage.waiting().size() == 1 && stage.name() == null ? name(stage.waiting().get(0).asked()) : stage.label();
    }

    /** " (step 2 of 3)" for a chain of several stages, at the stage {@link #withWhom} names; else nothing. */
    static String step(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        return chain.stages().size() == 1 ? "" : " (step " + stageNow(chain) + " of " + chain.stages().size() + ")";
    }

    /** The stage deciding now; between stages the next one; once the request is decided, the last one reached. */
    static int stageNow(ApprovalChain chain) {
        return chain.current().orElseGet(() -> {
            int last = Math.max(1, chain.lastReached()); // before anyone is asked: the first
            boolean movingOn = chain.stage(last).status() == LeaveStatus.APPROVED && last < chain.stages().size();
            return movingOn ? last + 1 : last;
        });
    }

    /** ", then HR and Finance" when more stages follow the one now deciding; else nothing. */
    static String laterStages(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        int n = chain.current().orElse(1);
        List<String> later = chain.stages().subList(n, chain.stages().size()).stream().map(ApprovalStage::label).toList();
        return later.isEmpty() ? "" : ", then " + String.join(" and ", later);
    }

    /** " — Bea decides while Priya is away" for each stand-in of the stage now deciding; else nothing. */
    static String standingIn(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        return chain.current().map(n -> chain.stage(n).waiting().stream().filter(a -> a.standIn() != null)
                .map(a -> " — " + name(a.standIn()) + " decides while " + name(a.approver()) + " is away")
                .collect(Collectors.joining())).orElse("");
    }

    /** The calendar day of an instant in the configured time zone. */
    String day(Instant at) {
        return day(at.atZone(zone).toLocalDate());
    }

    /** "Tue 6 Jan 2026, 14:05 UTC" in the configured time zone. */
    String moment(Instant at) {
        return MOMENT.format(at.atZone(zone));
    }

    /** " on Tue 6 Jan 2026, 14:05 UTC", or nothing when the decision has no time. */
    String onWhen(LeaveRequest leave) {
        Decision decision = leave.decision();
        return decision != null && decision.at() != null ? " on " + moment(decision.at()) : "";
    }

    /** The request's status as one phrase, with who and when for final ones. */
    String status(LeaveRequest leave) {
        LeaveStatus status = leave.status() == null ? LeaveStatus.PENDING : leave.status();
        return switch (status) {
            case PENDING -> "Waiting for " + possessive(withWhom(leave)) + " decision" + step(leave) + standingIn(leave);
            case APPROVED -> isAutomatic(leave) ? statusApprovedByNobody(leave) : "Approved by " + decider(leave) + onWhen(leave);
            case REJECTED -> "Rejected by " + decider(leave) + onWhen(leave);
            case EXPIRED -> "Expired" + onWhen(leave) + " without a decision";
            case CANCELLED -> (leave.approvedByEveryStage() ? "Cancelled after approval by " : "Withdrawn by ") + decider(leave) + onWhen(leave);
        };
    }

    /**
     * Dates, working days, type, the reason when one was given, the earlier steps of a chain, and (if asked) the
     * status with the decision's comment.
     */
    List<Detail> details(LeaveRequest leave, boolean withStatus) {
        List<Detail> details = new ArrayList<>();
        details.add(new Detail("Dates", dates(leave)));
        details.add(new Detail("Length", capitalised(workingDays(leave))));
        details.add(new Detail("Type", capitalised(typePhrase(leave))));
        if (hasReason(leave)) {
            details.add(new Detail("Reason", leave.reason().strip()));
        }
        chain.earlierSteps(leave).ifPresent(details::add);
        if (withStatus) {
            details.add(new Detail("Status", status(leave)));
            if (hasComment(leave)) {
                details.add(new Detail("Comment", leave.decision().comment().strip()));
            }
        }
        return details;
    }

    /** "Alan Turing (Mon 12 Jan 2026 – Tue 13 Jan 2026, approved); …", at most five named. */
    static String alsoAway(List<LeaveRequest> others) {
        if (others.isEmpty()) {
            return "Nobody else whose leave you approve is away on these days";
        }
        StringBuilder text = new StringBuilder();
        for (LeaveRequest other : others.subList(0, Math.min(others.size(), MAX_AWAY_LISTED))) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(name(other.employee())).append(" (").append(dates(other)).append(", ")
                    .append(other.status() == LeaveStatus.APPROVED ? "approved" : "not decided yet").append(')');
        }
        int more = others.size() - MAX_AWAY_LISTED;
        if (more > 0) {
            text.append("; and ").append(more).append(more == 1 ? " other" : " others");
        }
        return text.toString();
    }

    /** "the first reminder", "the second reminder", "the third reminder", "reminder number 4", "a reminder". */
    static String reminder(int number) {
        return switch (number) {
            case 1 -> "the first reminder";
            case 2 -> "the second reminder";
            case 3 -> "the third reminder";
            default -> number > 3 ? "reminder number " + number : "a reminder";
        };
    }
}
