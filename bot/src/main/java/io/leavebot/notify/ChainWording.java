package io.leavebot.notify;

import static io.leavebot.notify.LeaveWording.name;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.NotificationText.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a request's approval chain reads: which step it is at ("Step 2 of 2 — HR"), how a group decides ("any one
 * of HR decides"), the earlier steps' decisions, a stand-in's and an escalation's place, and the approvals an
 * approved request went through. A request with one stage of one approver says none of this, so its texts read
 * as they did before chains.
 */
final class ChainWording {
    /** Label of the detail that lists the steps decided before the one a request is at. */
    static final String EARLIER_STEPS = "Earlier steps";

    private final LeaveWording wording;

    ChainWording(LeaveWording wording) {
        this.wording = wording;
    }

    /** "Step 2 of 2 — HR" for a chain of several stages; empty for a chain of one. */
    static Optional<String> step(ApprovalChain chain, int stage) {
        return chain.stages().size() == 1 ? Optional.empty()
                : Optional.of("Step " + stage + " of " + chain.stages().size() + " — " + chain.stage(stage).label());
    }

    /**
     * For whoever decides the place of {@code callbackId}: the step, how the group decides, whom they stand in for,
     * and why an escalated request came to them, as one paragraph; empty when none applies.
     */
    static Optional<String> forTheApprover(LeaveRequest leave, String callbackId) {
        ApprovalChain chain = leave.chain();
        Optional<ApprovalChain.Place> found = chain.find(callbackId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int n = found.get().stage();
        StageApprover place = chain.at(found.get());
        List<String> sentences = new ArrayList<>();
        String rule = place.escalated() ? null : rule(chain.stage(n));
        Optional<String> step = step(chain, n);
        if (step.isPresent()) {
            sentences.add(step.get() + (rule == null ? "." : ": " + rule + "."));
        } else if (rule != null) {
            sentences.add(LeaveWording.capitalised(rule) + ".");
        }
        if (place.standIn() != null) {
            sentences.add("You decide for " + name(place.approver()) + ", who is away"
                    + (place.awayUntil() == null ? "" : " until " + LeaveWording.day(place.awayUntil())) + ".");
        }
        if (place.escalated()) {
            sentences.add((chain.stages().size() == 1 ? chain.stage(n).label() + " did not" : "Nobody in step " + n)
                    + " answer in time, so it comes to you.");
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    /** The place that had {@code callbackId} before it was asked again, if any. */
    static Optional<StageApprover> previouslyAt(ApprovalChain chain, String callbackId) {
        return callbackId == null ? Optional.empty() : chain.stages().stream().flatMap(s -> s.approvers().stream())
                .filter(a -> callbackId.equals(a.previousCallbackId())).findFirst();
    }

    /** "any one of HR decides", "all of Finance must approve; 1 of 3 have"; null for a single approver. */
    static String rule(ApprovalStage stage) {
        List<StageApprover> group = stage.approvers().stream().filter(a -> !a.escalated()).toList();
        if (stage.rule() == ApprovalRule.ANY) {
            return "any one of " + group(stage) + " decides";
        }
        if (stage.rule() == ApprovalRule.ALL) {
            long approved = group.stream().filter(a -> a.answer() == LeaveStatus.APPROVED).count();
            return "all of " + group(stage) + " must approve; " + approved + " of " + group.size() + " have";
        }
        return null;
    }

    /**
     * The approvals an approved chain of several stages went through: "by Grace Hopper, then by Hana HR for HR";
     * empty for a chain of one stage.
     */
    static Optional<String> approvals(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        if (chain.stages().size() == 1) {
            return Optional.empty();
        }
        List<String> steps = new ArrayList<>();
        for (int n = 1; n <= chain.stages().size(); n++) {
            ApprovalStage stage = chain.stage(n);
            if (stage.status() == LeaveStatus.APPROVED) {
                steps.add(approval(stage, n));
            }
        }
        return steps.isEmpty() ? Optional.empty() : Optional.of(String.join(", then ", steps));
    }

    /** Who approved one stage: "by Grace Hopper", "by Hana HR for HR", "by all of Finance", "automatically for HR". */
    static String approval(ApprovalStage stage, int n) {
        Person by = stage.decision() == null ? null : stage.decision().by();
        String forStage = stage.name() == null ? "" : " for " + stage.name();
        if (by == null) {
            return "automatically" + (stage.name() == null ? " at step " + n : forStage);
        }
        return stage.rule() == ApprovalRule.ALL ? "by all of " + group(stage) : "by " + name(by) + forStage;
    }

    /**
     * One line per step decided before the one the request is at (or, once decided, ended at):
     * "Step 1 — Grace Hopper: approved Mon 5 Jan 2026, “fine”"; empty when there is none.
     */
    Optional<Detail> earlierSteps(LeaveRequest leave) {
        ApprovalChain chain = leave.chain();
        int now = LeaveWording.stageNow(chain);
        List<String> lines = new ArrayList<>();
        for (int n = 1; n < now; n++) {
            ApprovalStage stage = chain.stage(n);
            if (stage.status() != LeaveStatus.PENDING) {
                lines.add("Step " + n + " — " + decided(stage));
            }
        }
        return lines.isEmpty() ? Optional.empty() : Optional.of(new Detail(EARLIER_STEPS, String.join("\n", lines)));
    }

    /**
     * "Grace Hopper: approved Mon 5 Jan 2026, “fine”", "HR, Hana HR: approved Mon 5 Jan 2026", "approved
     * automatically Mon 5 Jan 2026 (nobody answered within 3 days)".
     */
    private String decided(ApprovalStage stage) {
        Decision decision = stage.decision();
        Person by = decision == null ? null : decision.by();
        String who = by == null ? stage.name() : stage.name() == null ? name(by) : stage.name() + ", " + name(by);
        String what = stage.status().name().toLowerCase(Locale.ROOT);
        String when = decision == null || decision.at() == null ? "" : " " + wording.day(decision.at());
        String said = decision == null ? "" : decision.automaticReason().map(why -> " automatically" + when + " (" + why + ")")
                .orElse(when + (decision.comment() == null || decision.comment().isBlank() ? "" : ", “" + decision.comment().strip() + "”"));
        return (who == null ? "" : who + ": ") + what + (decision == null ? "" : said);
    }

    /** A stage's name, else its members: "HR", "Hana HR and Ivan HR". */
    private static String group(ApprovalStage stage) {
        if (stage.name() != null) {
            return stage.name();
        }
        List<String> names = stage.approvers().stream().filter(a -> !a.escalated()).map(a -> name(a.approver())).toList();
        return names.size() == 1 ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }
}
