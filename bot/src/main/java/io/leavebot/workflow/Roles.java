package io.leavebot.workflow;

import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import java.util.Optional;
import java.util.Set;

/**
 * Who sees what of other people's leave, and who may do an admin's work. Admins ({@code LEAVEBOT_ADMINS}) see
 * everyone's leave in full and may export and adjust. An approver sees in full the leave of everyone whose chain
 * names them (the chain as it was recorded with the request). Everyone sees their own leave in full, and that the
 * people of their team are out (their team in the routing file's {@code "teams"}; without teams, everyone is one
 * team) — never the type or the reason. Every calendar, feed, digest and report asks here.
 */
public final class Roles {
    /** How much of one leave a viewer sees. */
    public enum Sight {
        /** Type, reason, status, approvers: the employee's own, their approvers', admins'. */
        FULL,
        /** That the person is out those days, and whether it is approved or still pending; no type, no reason. */
        OUT_ONLY,
        /** Not at all: another team's leave, to someone who neither approves it nor is an admin. */
        NONE
    }

    private final Set<String> admins;
    private final ApproverRouting routing;

    /**
     * @param admins  the admins' person keys ({@link Admins#fromList})
     * @param routing whose teams are whose ({@link ApproverRouting#teamOf})
     */
    public Roles(Set<String> admins, ApproverRouting routing) {
        this.admins = Set.copyOf(admins);
        this.routing = routing;
    }

    public boolean isAdmin(Person person) {
        return person != null && admins.contains(person.key());
    }

    /** The person's team as the routing file names it; empty when they are in none (then: everyone's team). */
    public Optional<String> teamOf(Person person) {
        return routing.teamOf(person);
    }

    /** Whether the two are in the same team (both in none counts: without teams, everyone is one team). */
    public boolean sameTeam(Person one, Person other) {
        return teamOf(one).equals(teamOf(other));
    }

    public Sight sightOf(Person viewer, LeaveRequest leave) {
        if (viewer.isSameAs(leave.employee()) || isAdmin(viewer) || approves(viewer, leave)) {
            return Sight.FULL;
        }
        return sameTeam(viewer, leave.employee()) ? Sight.OUT_ONLY : Sight.NONE;
    }

    /** Whether the request's chain names this person, in any stage, as approver or stand-in. */
    public static boolean approves(Person person, LeaveRequest leave) {
        for (ApprovalStage stage : leave.chain().stages()) {
            for (StageApprover approver : stage.approvers()) {
                if (approver.approver().isSameAs(person) || (approver.standIn() != null && approver.standIn().isSameAs(person))) {
                    return true;
                }
            }
        }
        return false;
    }
}
