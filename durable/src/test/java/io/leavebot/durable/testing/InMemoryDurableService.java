package io.leavebot.durable.testing;

import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.Operation.CallbackDetails;
import io.leavebot.durable.model.Operation.ExecutionDetails;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One execution held in memory, served the way Lambda serves it: updates become operation state
 * ({@link OperationTransitions}), every checkpoint consumes its token and returns a new one, state comes in pages
 * of {@link #pageSize(int)} operations. Between invocations a test moves time ({@link #advance}) and completes
 * callbacks. Every checkpoint request is kept for assertions. Not thread-safe; one execution per instance.
 */
public final class InMemoryDurableService implements DurableService {
    /** The id of the EXECUTION operation: the last segment of the ARN. */
    public static final String EXECUTION_ID = "5f0c3b6e-8a41-4d2e-9b7a-2c6d1e4f8a90";
    public static final String EXECUTION_ARN = "arn:aws:lambda:eu-west-1:123456789012:function:leavebot-workflow:$LATEST"
            + "/durable-execution/leave-42/" + EXECUTION_ID;

    private final OperationTransitions transitions = new OperationTransitions();
    private final Map<String, Operation> operations = new LinkedHashMap<>();
    private final Map<String, List<Operation>> unreadPages = new HashMap<>();
    private final List<List<OperationUpdate>> requests = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-05T09:00:00Z");
    private int pageSize = 1000;
    private int tokensIssued;
    private int markersIssued;
    private int stateRequests;
    private String token = nextToken();
    private String executionResult;
    private DurableServiceException nextFailure;

    /** A new execution whose handler input is {@code inputJson}. */
    public InMemoryDurableService(String inputJson) {
        operations.put(EXECUTION_ID, new Operation(EXECUTION_ID, null, null, OperationType.EXECUTION, null, now, null,
                OperationStatus.STARTED, new ExecutionDetails(inputJson), null, null, null, null));
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        consume(checkpointToken);
        if (nextFailure != null) {
            DurableServiceException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        var changed = new LinkedHashMap<String, Operation>(); // applied only if every update is valid, like the service
        for (OperationUpdate update : updates) {
            checkParent(update, changed);
            changed.put(update.id(), transitions.apply(changed.getOrDefault(update.id(), operations.get(update.id())), update, now));
        }
        operations.putAll(changed);
        requests.add(List.copyOf(updates));
        updates.stream().filter(u -> u.type() == OperationType.EXECUTION).forEach(u -> executionResult = u.payload());
        return new CheckpointResponse(token, firstPage(List.copyOf(changed.values())));
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        if (!token.equals(checkpointToken)) {
            throw new InvalidCheckpointTokenException("Invalid Checkpoint Token: " + checkpointToken + " is not current");
        }
        stateRequests++;
        List<Operation> rest = unreadPages.remove(marker);
        if (rest == null) {
            throw new InvalidParameterException("unknown marker '" + marker + "'");
        }
        return firstPage(rest);
    }

    /** The first page of the whole state, as the invocation envelope carries it. */
    public ExecutionState initialState() {
        return firstPage(List.copyOf(operations.values()));
    }

    /** The token the next invocation's envelope carries. */
    public String checkpointToken() {
        return token;
    }

    /** Issues a new token, as if another invocation had checkpointed: the token handed out before is stale. */
    public void rotateToken() {
        token = nextToken();
    }

    /** The next checkpoint request is refused with {@code failure} (its token is still consumed). */
    public void failNextCheckpoint(DurableServiceException failure) {
        nextFailure = failure;
    }

    public void pageSize(int operationsPerPage) {
        pageSize = operationsPerPage;
    }

    /** Moves time on: waits whose end has come succeed and retries whose time has come become READY. */
    public void advance(Duration duration) {
        now = now.plus(duration);
        operations.replaceAll((id, op) -> {
            if (op.type() == OperationType.WAIT && op.status() == OperationStatus.STARTED
                    && !op.waitDetails().scheduledEndTimestamp().isAfter(now)) {
                return op.withStatus(OperationStatus.SUCCEEDED, op.waitDetails().scheduledEndTimestamp());
            }
            if (op.type() == OperationType.STEP && op.status() == OperationStatus.PENDING
                    && !op.stepDetails().nextAttemptTimestamp().isAfter(now)) {
                return op.withStatus(OperationStatus.READY, null);
            }
            return op;
        });
    }

    public Instant now() {
        return now;
    }

    /** The id the service issued to the callback named {@code operationName}. */
    public String callbackId(String operationName) {
        return operation(operationName).callbackDetails().callbackId();
    }

    public void succeedCallback(String callbackId, String resultJson) {
        closeCallback(callbackId, OperationStatus.SUCCEEDED, details -> new CallbackDetails(details.callbackId(), resultJson, null));
    }

    public void failCallback(String callbackId, ErrorObject error) {
        closeCallback(callbackId, OperationStatus.FAILED, details -> new CallbackDetails(details.callbackId(), null, error));
    }

    /** Times the callback out; {@code errorType} is {@code Callback.Timeout} or {@code Callback.Heartbeat}. */
    public void timeOutCallback(String callbackId, String errorType) {
        var error = ErrorObject.of(errorType, "Callback timed out");
        closeCallback(callbackId, OperationStatus.TIMED_OUT, details -> new CallbackDetails(details.callbackId(), null, error));
    }

    /**
     * Ends the chained invoke named {@code operationName} as its target's execution ended: SUCCEEDED with
     * {@code resultJson}, or FAILED, TIMED_OUT or STOPPED with {@code error}.
     */
    public void endChainedInvoke(String operationName, OperationStatus status, String resultJson, ErrorObject error) {
        Operation invoke = operation(operationName);
        if (invoke == null || invoke.type() != OperationType.CHAINED_INVOKE || invoke.status() != OperationStatus.STARTED) {
            throw new IllegalStateException("no started chained invoke named " + operationName + ": " + invoke);
        }
        operations.put(invoke.id(), invoke.withStatus(status, now)
                .withChainedInvokeDetails(new Operation.ChainedInvokeDetails(resultJson, error)));
    }

    /** Puts an operation into the state as is, e.g. one left STARTED by an invocation that died. */
    public void seed(Operation operation) {
        operations.put(operation.id(), operation);
    }

    /** The operation named {@code name}, or null. */
    public Operation operation(String name) {
        return operations.values().stream().filter(op -> name.equals(op.name())).findFirst().orElse(null);
    }

    /** Every checkpoint request that was applied, in order, with its updates. */
    public List<List<OperationUpdate>> requests() {
        return List.copyOf(requests);
    }

    /** Every applied update as {@code "<TYPE> <ACTION> <name>"}, in the order they were sent. */
    public List<String> actions() {
        return batches().stream().flatMap(List::stream).toList();
    }

    /** {@link #actions()} grouped by the checkpoint request that carried them. */
    public List<List<String>> batches() {
        return requests.stream().map(request -> request.stream()
                .map(u -> u.type() + " " + u.action() + " " + u.name()).toList()).toList();
    }

    /** How many GetDurableExecutionState pages were read. */
    public int stateRequests() {
        return stateRequests;
    }

    /** The payload of an EXECUTION SUCCEED update (a result too large for the response), or null. */
    public String executionResult() {
        return executionResult;
    }

    private void consume(String checkpointToken) {
        if (!token.equals(checkpointToken)) {
            throw new InvalidCheckpointTokenException("Invalid Checkpoint Token: " + checkpointToken + " was already used");
        }
        token = nextToken();
    }

    private void checkParent(OperationUpdate update, Map<String, Operation> earlierInRequest) {
        if (update.parentId() == null) {
            return;
        }
        Operation parent = earlierInRequest.getOrDefault(update.parentId(), operations.get(update.parentId()));
        if (parent == null || parent.type() != OperationType.CONTEXT) {
            throw OperationTransitions.refuse(update, "Invalid parent operation id " + update.parentId());
        }
    }

    private void closeCallback(String callbackId, OperationStatus status, UnaryOperator<CallbackDetails> details) {
        Operation callback = operations.values().stream()
                .filter(op -> op.callbackDetails() != null && callbackId.equals(op.callbackDetails().callbackId()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no callback " + callbackId));
        if (callback.status() != OperationStatus.STARTED) {
            throw new IllegalStateException("callback " + callbackId + " is already " + callback.status());
        }
        operations.put(callback.id(),
                callback.withStatus(status, now).withCallbackDetails(details.apply(callback.callbackDetails())));
    }

    private ExecutionState firstPage(List<Operation> all) {
        if (all.size() <= pageSize) {
            return new ExecutionState(all, null);
        }
        String marker = "page-" + ++markersIssued;
        unreadPages.put(marker, all.subList(pageSize, all.size()));
        return new ExecutionState(all.subList(0, pageSize), marker);
    }

    private String nextToken() {
        return "token-" + ++tokensIssued;
    }
}
