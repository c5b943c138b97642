package io.leavebot.workflow;

import io.leavebot.balance.Balances;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.Validation;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every front end (Slack, e-mail links, the JSON API, Teams) asks of LeaveBot. Validation, routing, starting
 * the workflow and resolving its approval callback happen here only. Front ends depend on the {@link DurableClient}
 * port, so the same code drives the embedded engine and AWS Lambda.
 */
public final class LeaveRequests {
    /** The name the embedded engine registers {@link LeaveWorkflow} under (on AWS, the stack names the function). */
    public static final String FUNCTION = "leave-workflow";

    private static final String CANCEL_PREFIX = "cancel-";
    private static final System.Logger LOG = System.getLogger(LeaveRequests.class.getName());
    /** The workflow's input is read with the handler's default serializer; written with the same. */
    private static final SerDes JSON = new JacksonSerDes();

    /**
     * The outcome of a submission: accepted (the workflow runs) or refused with field errors, in field order.
     *
     * @param leave    when accepted, the request as recorded, or as its workflow is recording it; null when refused
     * @param warnings when accepted, what the employee should know (the balance goes below zero, as the policy
     *                 allows), for the front end to show with the confirmation
     */
    public record Submitted(String requestId, Map<String, String> errors, LeaveRequest leave, List<String> warnings) {
        public Submitted {
            errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
            warnings = List.copyOf(warnings);
        }

        /** Without warnings. */
        public Submitted(String requestId, Map<String, String> errors, LeaveRequest leave) {
            this(requestId, errors, leave, List.of());
        }

        public boolean accepted() {
            return errors.isEmpty();
        }
    }

    /** The outcome of a cancellation (of approved leave that has not started, or a withdrawal of a pending request). */
    public record Cancelled(Result result, LeaveRequest leave) {
        public enum Result {
            /** Withdrawn, or the cancellation's execution runs: it records it, refunds the days and tells everyone. */
            ACCEPTED,
            /** Only the employee (or an admin) cancels. */
            NOT_ALLOWED,
            /** No request has this id. */
            NOT_FOUND,
            /** The leave has started (or is over): it cannot be cancelled any more. */
            STARTED,
            /** Rejected, expired or cancelled before; nothing changed. */
            ALREADY_DECIDED,
            /** The request is still being set up; try again shortly. */
            NOT_READY
        }
    }

    /**
     * The outcome of an answer; {@code leave} is the request as stored (null if unknown). Right after another answer
     * or the expiry closed the approval, ALREADY_DECIDED may come with the request still PENDING for a moment,
     * until the workflow has recorded that outcome.
     */
    public record Answered(Result result, LeaveRequest leave) {
        public enum Result {
            /** The answer was handed to the workflow, which records it and tells everyone. */
            ACCEPTED,
            /** This person may not give this answer (only the approver decides, only the employee withdraws). */
            NOT_ALLOWED,
            /** The request was decided, withdrawn or expired before; nothing changed. */
            ALREADY_DECIDED,
            /** No request has this id. */
            NOT_FOUND,
            /** The request is still being set up (its approver is not asked yet); nothing changed, try again shortly. */
            NOT_READY,
            /**
             * The answer came through buttons or a link of an approval request that was replaced: the approver
             * was asked again (after an answer the workflow refused), and only the newest request's actions work.
             */
            REPLACED
        }
    }

    private final LeaveStore store;
    private final DurableClient client;
    private final String workflow;
    private final LeaveValidator validator;
    private final ApproverRouting routing;
    private final ChatAddressBook addresses;
    private final Balances balances;
    private final Set<String> admins;
    private final Roles roles;
    private final Clock clock;

    /**
     * @param workflow  the durable function that runs {@link LeaveWorkflow}, as {@code client} names it:
     *                  {@link #FUNCTION} in the embedded engine, the alias ARN on AWS
     * @param addresses gives the Slack user ids of employees known by e-mail, which routing overrides may name
     * @param balances  the same policies as the workflow's: a request's length, its check against the balance
     * @param admins    the {@link Person#key() keys} (lower-cased e-mails) of who may adjust balances and cancel
     *                  anyone's leave
     * @param clock     gives "today" for the validation of dates
     */
    public LeaveRequests(LeaveStore store, DurableClient client, String workflow, LeaveValidator validator,
            ApproverRouting routing, ChatAddressBook addresses, Balances balances, Set<String> admins, Clock clock) {
        this.store = store;
        this.client = client;
        this.workflow = workflow;
        this.validator = validator;
        this.routing = routing;
        this.addresses = addresses;
        this.balances = balances;
        this.admins = admins.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.roles = new Roles(this.admins, routing);
        this.clock = clock;
    }

    /**
     * Validates (including overlaps with the employee's pending and approved leave, and working days on the
     * employee's calendar: their week, public holidays, company days off), checks the balance (beyond what the
     * policy allows: a field error on {@link LeaveValidator#END}; below zero as it allows: a warning), routes to the
     * approver and starts execution {@code leave-<requestId>} with the request's length on that calendar.
     * Idempotent by the submission's request id: a repeated submission starts nothing new and is accepted again. An
     * invalid one starts nothing and returns every field error.
     *
     * @throws IllegalArgumentException if the request id cannot name an execution (1–58 letters, digits, '-', '_')
     */
    public Submitted submit(LeaveSubmission submission) {
        String id = submission.requestId();
        String executionName = Validation.executionName(LeaveRequest.executionNameFor(id));
        Optional<LeaveRequest> earlier = store.get(id);
        if (earlier.isPresent()) {
            return new Submitted(id, Map.of(), earlier.get()); // recorded by its workflow, so submitted before
        }
        ApprovalChain chain = submission.employee() == null ? null : chainOf(submission.employee());
        WorkingCalendar calendar = submission.employee() == null ? WorkingCalendar.mondayToFriday()
                : balances.calendarOf(submission.employee());
        Map<String, String> errors = validator.validate(submission, chain, overlaps(submission), LocalDate.now(clock), calendar);
        if (!errors.isEmpty()) {
            return new Submitted(id, errors, null);
        }
        String type = validator.canonicalType(submission.type()).orElseThrow();
        Optional<Balances.Preview> preview = balances.preview(submission.employee(), type, submission.start(),
                submission.end(), submission.halfDay(), id);
        Optional<String> beyond = preview.flatMap(LeaveValidator::beyondBalance);
        if (beyond.isPresent()) {
            return new Submitted(id, Map.of(LeaveValidator.END, beyond.get()), null);
        }
        List<String> warnings = preview.flatMap(LeaveValidator::belowZero).stream().toList();
        double days = calendar.length(submission.start(), submission.end(), submission.halfDay());
        String autoApproval = routing.autoApprovalFor(type, days).map(ApproverRouting.AutoApproval::describe).orElse(null);
        NewLeave leave = new NewLeave(id, submission.employee(), null, type, submission.start(), submission.end(),
                submission.halfDay(), submission.reason(), chain, autoApproval, days, null);
        try {
            client.start(workflow, executionName, JSON.serialize(leave));
        } catch (ExecutionAlreadyStartedException e) {
            // the same id is the same submission (see LeaveSubmission): the first one stands
            LOG.log(System.Logger.Level.INFO, "request " + id + " was submitted again with other details; the first stands");
            return new Submitted(id, Map.of(), get(id).orElseGet(() -> leave.pending(clock.instant())), warnings);
        }
        return new Submitted(id, Map.of(), leave.pending(clock.instant()), warnings);
    }

    /**
     * The employee's approval chain; where the routing names the employee by the Slack user id the address book
     * keeps for them, the employee themselves, so that the validator refuses it as their own approval.
     */
    private ApprovalChain chainOf(Person employee) {
        Optional<String> slackUserId = slackUserIdOf(employee);
        ApprovalChain chain = routing.chainFor(employee, slackUserId).orElse(null);
        if (chain == null || slackUserId.isEmpty()) {
            return chain;
        }
        List<ApprovalStage> stages = chain.stages().stream().map(stage -> new ApprovalStage(stage.name(), stage.rule(),
                stage.approvers().stream().map(a -> a.approver().chatUserId(ApproverRouting.SLACK).equals(slackUserId)
                        ? StageApprover.of(employee) : a).toList(), stage.status(), stage.decision())).toList();
        return new ApprovalChain(stages, chain.onTimeout());
    }

    /** What people have left, and what a request would take, with the policies the workflow counts with. */
    public Balances balances() {
        return balances;
    }

    /** Whether {@code person} is one of the admins (LEAVEBOT_ADMINS): they adjust balances and cancel anyone's leave. */
    public boolean isAdmin(Person person) {
        return person != null && admins.contains(person.key());
    }

    /**
     * Cancels {@code requestId} for {@code by}: a PENDING request is withdrawn (as {@link Answer#cancel} would; by an
     * admin, in the employee's name with the admin named in the comment), an APPROVED one that has not started is
     * cancelled by its own execution ({@link #cancellationExecutionName}), which records it with the refund in one
     * write and tells the approvers and the employee. Only the employee or an admin may. A repeated cancellation
     * starts nothing new and is accepted again while it runs.
     */
    public Cancelled cancel(String requestId, Person by) {
        Optional<LeaveRequest> found = store.get(requestId);
        if (found.isEmpty()) {
            return new Cancelled(Cancelled.Result.NOT_FOUND, null);
        }
        LeaveRequest leave = found.get();
        boolean own = AnswerCheck.samePerson(by, leave.employee());
        if (!own && !isAdmin(by)) {
            return new Cancelled(Cancelled.Result.NOT_ALLOWED, leave);
        }
        if (leave.status() == LeaveStatus.PENDING) {
            Answer withdrawal = own ? Answer.cancel(by)
                    : new Answer(LeaveStatus.CANCELLED, leave.employee(), "withdrawn by " + by.key() + " (admin)", null);
            return new Cancelled(switch (answer(requestId, withdrawal).result()) {
                case ACCEPTED -> Cancelled.Result.ACCEPTED;
                case NOT_READY, REPLACED -> Cancelled.Result.NOT_READY;
                case NOT_FOUND -> Cancelled.Result.NOT_FOUND;
                case NOT_ALLOWED -> Cancelled.Result.NOT_ALLOWED;
                case ALREADY_DECIDED -> Cancelled.Result.ALREADY_DECIDED;
            }, store.get(requestId).orElse(leave));
        }
        if (leave.status() != LeaveStatus.APPROVED) {
            return new Cancelled(Cancelled.Result.ALREADY_DECIDED, leave);
        }
        if (!leave.start().isAfter(balances.today())) {
            return new Cancelled(Cancelled.Result.STARTED, leave);
        }
        NewLeave input = new NewLeave(leave.id(), leave.employee(), null, leave.type(), leave.start(), leave.end(),
                leave.halfDay(), leave.reason(), leave.chain(), null, leave.workingDays(),
                new Decision(by, clock.instant(), own ? null : "cancelled by an admin"));
        try {
            client.start(workflow, cancellationExecutionName(requestId), JSON.serialize(input));
        } catch (ExecutionAlreadyStartedException e) {
            LOG.log(System.Logger.Level.INFO, "request " + requestId + " is being cancelled already; nothing new started");
        }
        return new Cancelled(Cancelled.Result.ACCEPTED, leave);
    }

    /**
     * The name of the execution that cancels approved leave: {@code cancel-<requestId>}, or for ids too long for
     * that (over 57 characters) {@code cancel_<first 40 characters>_<16 hex digits of the id's SHA-256>}; both fit
     * the 64 characters of an execution name, and the two shapes never meet ('-' or '_' after "cancel").
     */
    public static String cancellationExecutionName(String requestId) {
        String name = CANCEL_PREFIX + requestId;
        if (name.length() <= 64) {
            return Validation.executionName(name);
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(requestId.getBytes(StandardCharsets.UTF_8));
            return Validation.executionName("cancel_" + requestId.substring(0, 40) + "_" + HexFormat.of().formatHex(hash, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The outcome of an admin's adjustment; {@code entry} is the ledger entry as stored (null when refused). */
    public record Adjusted(Result result, LedgerEntry entry) {
        public enum Result {
            /** Recorded (or recorded before under the same key: the first stands). */
            ACCEPTED,
            /** Only admins adjust balances. */
            NOT_ALLOWED,
            /** The employee's policy does not track this type (or limits nothing to adjust). */
            UNKNOWN_TYPE
        }
    }

    /**
     * An admin adds to (positive {@code amount}) or takes from (negative) {@code employee}'s balance of {@code type}
     * in the leave year of today, in the type's unit, saying why. The ledger entry is the audit: who, when, why.
     * Idempotent by {@code key} (chosen once per adjustment by the front end, e.g. the form's submission id).
     */
    public Adjusted adjust(Person employee, String type, BigDecimal amount, String reason, Person by, String key) {
        if (!isAdmin(by)) {
            return new Adjusted(Adjusted.Result.NOT_ALLOWED, null);
        }
        var policy = balances.policyOf(employee).type(type).filter(t -> t.limited());
        if (policy.isEmpty()) {
            return new Adjusted(Adjusted.Result.UNKNOWN_TYPE, null);
        }
        int year = policy.get().year().of(balances.today());
        LedgerEntry entry = new LedgerEntry(LedgerEntry.adjustmentId(key), employee, policy.get().type(), year,
                LedgerEntry.Kind.ADJUSTMENT, amount, null, null, clock.instant(), by, reason);
        LedgerEntry stored = balances.ledger().adjust(entry);
        LOG.log(System.Logger.Level.INFO, "balance of " + employee.key() + " (" + type + ", " + year + ") adjusted by "
                + amount + " by " + by.key());
        return new Adjusted(Adjusted.Result.ACCEPTED, stored);
    }

    /**
     * Approve or reject (by one of the approvers the request waits on, or their stand-in) or withdraw (by its
     * employee), answering the approval callback that is open for them. Withdrawals and links made before links
     * named their callback come this way.
     */
    public Answered answer(String requestId, Answer answer) {
        return answer(requestId, null, answer);
    }

    /**
     * Approve or reject (by an approver the request waits on now, or their stand-in) or withdraw (by its employee).
     * Checks who is answering, that the request is still PENDING and — when {@code callbackId} is given, as buttons
     * and links carry it — that it is the callback still open, then completes the approval callback; a late or
     * repeated answer changes nothing and says how the request stands. The workflow checks the answer again when
     * it arrives.
     */
    public Answered answer(String requestId, String callbackId, Answer given) {
        Optional<LeaveRequest> found = store.get(requestId);
        if (found.isEmpty()) {
            return new Answered(Answered.Result.NOT_FOUND, null);
        }
        LeaveRequest leave = found.get();
        Answer answer = byKnownPerson(given, leave);
        boolean withdrawal = answer.outcome() == LeaveStatus.CANCELLED;
        if (withdrawal ? !AnswerCheck.samePerson(answer.by(), leave.employee()) : !AnswerCheck.mayDecide(answer.by(), leave)) {
            return new Answered(Answered.Result.NOT_ALLOWED, leave);
        }
        if (leave.status().isFinal()) {
            return new Answered(Answered.Result.ALREADY_DECIDED, leave);
        }
        List<String> open = withdrawal ? leave.openCallbacks() : leave.callbackFor(answer.by()).stream().toList();
        if (open.isEmpty()) {
            // an approver whose stage is over has had their say; one whose stage has not come yet is not asked yet
            boolean stageOver = !withdrawal && leave.chain().stages().stream().anyMatch(stage -> stage.status().isFinal()
                    && stage.approvers().stream().anyMatch(place -> place.isDecidedBy(answer.by())));
            return new Answered(stageOver ? Answered.Result.ALREADY_DECIDED : Answered.Result.NOT_READY, leave);
        }
        if (callbackId != null && !open.contains(callbackId)) {
            return new Answered(Answered.Result.REPLACED, leave);
        }
        try {
            Answers.send(client, callbackId != null ? callbackId : open.get(0), answer.forRequest(requestId));
        } catch (CallbackClosedException | ResourceNotFoundException e) {
            // answered by someone else, or expired, a moment ago: the workflow records that outcome
            return new Answered(Answered.Result.ALREADY_DECIDED, store.get(requestId).orElse(leave));
        }
        return new Answered(Answered.Result.ACCEPTED, leave);
    }

    /**
     * Asks every request waiting on {@code approver} to look again at who decides for them (they said they are
     * away, or back): each re-asks their stand-in, or them, with a new callback. Best effort: a request that
     * cannot be reached now is re-checked at its next reminder.
     *
     * @return how many requests were asked to look again
     */
    public int reassign(Person approver) {
        int asked = 0;
        for (LeaveRequest leave : store.listPendingByApprover(approver)) {
            Optional<String> callback = leave.callbackFor(approver);
            if (callback.isEmpty()) {
                continue;
            }
            try {
                Answers.send(client, callback.get(), Answer.reassign(approver).forRequest(leave.id()));
                asked++;
            } catch (CallbackClosedException | ResourceNotFoundException e) {
                LOG.log(System.Logger.Level.INFO, "request " + leave.id() + " was decided meanwhile; nothing to reassign");
            }
        }
        return asked;
    }

    /**
     * The answer as given by the person it must come from, when the two are one Slack user under two keys: a click
     * by someone Slack shows LeaveBot no e-mail for, answering for a person known by e-mail whose Slack id the
     * address book keeps, or the other way round (a routing that names the approver by Slack id only). The workflow
     * matches people by key only.
     */
    private Answer byKnownPerson(Answer answer, LeaveRequest leave) {
        List<Person> expected = answer.outcome() == LeaveStatus.CANCELLED ? List.of(leave.employee())
                : leave.chain().stages().stream().flatMap(s -> s.approvers().stream())
                        .flatMap(a -> a.standIn() == null ? Stream.of(a.approver()) : Stream.of(a.approver(), a.standIn())).toList();
        if (answer.by() == null || expected.stream().anyMatch(answer.by()::isSameAs)) {
            return answer;
        }
        Optional<String> slackUserId = slackUserIdOf(answer.by());
        return slackUserId.isEmpty() ? answer : expected.stream().filter(p -> slackUserId.equals(slackUserIdOf(p))).findFirst()
                .map(p -> new Answer(answer.outcome(), p, answer.comment(), answer.requestId())).orElse(answer);
    }

    private Optional<String> slackUserIdOf(Person person) {
        return person.chatUserId(ApproverRouting.SLACK)
                .or(() -> addresses.addressOf(ApproverRouting.SLACK, person).map(ChatAddress::address));
    }

    /** The request an approval callback belongs to (its current one or one replaced since), if any. */
    public Optional<String> requestFor(String callbackId) {
        return callbackId == null || callbackId.isBlank() ? Optional.empty() : store.requestIdForCallback(callbackId);
    }

    /** What the request's audit holds (answers the workflow refused), oldest first. */
    public List<AuditEntry> audit(String requestId) {
        return store.audit(requestId);
    }

    /**
     * The request as recorded; in the moment between {@link #submit} and the workflow recording it, the request as
     * its running workflow will record it (PENDING, read back from the execution's input).
     */
    public Optional<LeaveRequest> get(String requestId) {
        Optional<LeaveRequest> stored = store.get(requestId);
        return stored.isPresent() ? stored : beingRecorded(requestId);
    }

    private Optional<LeaveRequest> beingRecorded(String requestId) {
        String executionName = LeaveRequest.executionNameFor(requestId);
        try {
            Validation.executionName(executionName);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // no execution can have this name
        }
        return client.listExecutions(workflow, ExecutionQuery.named(executionName)).executions().stream()
                .filter(e -> e.status() == ExecutionStatus.RUNNING)
                .findFirst()
                .map(e -> client.getExecution(e.durableExecutionArn()))
                .filter(e -> e.inputPayload() != null)
                .map(e -> JSON.deserialize(e.inputPayload(), NewLeave.class).pending(e.startTimestamp()));
    }

    /** Who sees what of other people's leave: these admins, and the routing's teams. */
    public Roles roles() {
        return roles;
    }

    /** Everyone's PENDING and APPROVED leave sharing a day with [from, to] ({@link LeaveStore#forEachOverlapping}). */
    public void forEachOverlapping(LocalDate from, LocalDate to, Consumer<LeaveRequest> each) {
        store.forEachOverlapping(from, to, each);
    }

    /** The employee's requests, newest first. */
    public List<LeaveRequest> requestsOf(Person employee) {
        return store.listByEmployee(employee);
    }

    /** Requests waiting for this person's decision, as approver or stand-in, oldest first. */
    public List<LeaveRequest> waitingFor(Person approver) {
        return store.listPendingByApprover(approver);
    }

    private List<LeaveRequest> overlaps(LeaveSubmission s) {
        if (s.employee() == null || s.start() == null || s.end() == null || s.end().isBefore(s.start())) {
            return List.of();
        }
        return store.findOverlaps(s.employee(), s.start(), s.end());
    }

}
