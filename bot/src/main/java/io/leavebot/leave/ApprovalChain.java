package io.leavebot.leave;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Who approves a request, in order: one stage after another (manager, then any one of HR), each decided by its
 * {@link ApprovalRule}; a rejection at any stage ends the request. The chain is fixed when the request is made (the
 * routing of that moment), then records how each stage went: who was asked, who stood in, who answered.
 *
 * @param onTimeout what happens when a stage gets no answer in time
 */
public record ApprovalChain(List<ApprovalStage> stages, OnTimeout onTimeout) {
    /** More stages or approvers than this is a routing mistake rather than a process. */
    public static final int MOST_STAGES = 10;
    public static final int MOST_APPROVERS = 50;

    public ApprovalChain {
        stages = List.copyOf(stages);
        if (stages.isEmpty() || stages.size() > MOST_STAGES) {
            throw new IllegalArgumentException("a chain has 1 to " + MOST_STAGES + " stages, not " + stages.size());
        }
        onTimeout = onTimeout == null ? OnTimeout.EXPIRE : onTimeout;
    }

    /** One stage with one approver: how every request was approved before chains. */
    public static ApprovalChain single(Person approver) {
        return new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(approver))), OnTimeout.EXPIRE);
    }

    public ApprovalStage stage(int number) {
        return stages.get(number - 1);
    }

    /** The stage now deciding (reached and PENDING), as its number from 1; empty before the first ask and at the end. */
    public Optional<Integer> current() {
        for (int n = 1; n <= stages.size(); n++) {
            ApprovalStage stage = stage(n);
            if (stage.status() == LeaveStatus.PENDING) {
                return stage.reached() ? Optional.of(n) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The number of the last stage anyone was asked in; 0 before the first ask. */
    public int lastReached() {
        int last = 0;
        for (int n = 1; n <= stages.size(); n++) {
            if (stage(n).reached()) {
                last = n;
            }
        }
        return last;
    }

    /** Everyone who may decide now: the waiting approvers of the current stage, or their stand-ins. */
    public List<Person> waitingOn() {
        List<Person> people = new ArrayList<>();
        current().ifPresent(n -> stage(n).waiting().forEach(a -> {
            people.add(a.approver());
            if (a.standIn() != null) {
                people.add(a.standIn());
            }
        }));
        return people;
    }

    /** The open place {@code person} decides for in the current stage. */
    public Optional<StageApprover> placeOf(Person person) {
        return current().flatMap(n -> stage(n).placeOf(person));
    }

    /** Every callback any place ever had. */
    public List<String> callbackIds() {
        return stages.stream().flatMap(s -> s.approvers().stream()).map(StageApprover::callbackId)
                .filter(id -> id != null).toList();
    }

    /** Where an approver stands in a chain: the stage's number (from 1) and their index among its approvers. */
    public record Place(int stage, int index) {
    }

    /** The place that has or had this callback. */
    public Optional<Place> find(String callbackId) {
        for (int n = 1; n <= stages.size(); n++) {
            List<StageApprover> places = stage(n).approvers();
            for (int i = 0; i < places.size(); i++) {
                if (callbackId != null && callbackId.equals(places.get(i).callbackId())) {
                    return Optional.of(new Place(n, i));
                }
            }
        }
        return Optional.empty();
    }

    /** The first approver of the first stage: whose team the employee is in, for "who else is out". */
    public Person firstApprover() {
        return stages.get(0).approvers().get(0).approver();
    }

    public StageApprover at(Place place) {
        return stage(place.stage()).approvers().get(place.index());
    }

    public ApprovalChain withStage(int number, UnaryOperator<ApprovalStage> change) {
        List<ApprovalStage> changed = new ArrayList<>(stages);
        changed.set(number - 1, change.apply(changed.get(number - 1)));
        return new ApprovalChain(changed, onTimeout);
    }
}
