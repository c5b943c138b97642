package io.leavebot.durable.operation;

import com.amazonaws.services.lambda.runtime.Context;
import io.leavebot.durable.BatchResult;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackSubmitter;
import io.leavebot.durable.CallbackSubmitterException;
import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.DurableLogger;
import io.leavebot.durable.IllegalDurableOperationException;
import io.leavebot.durable.MapConfig;
import io.leavebot.durable.MapFunction;
import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.NonDeterministicExecutionException;
import io.leavebot.durable.RunInChildContextConfig;
import io.leavebot.durable.ParallelBranch;
import io.leavebot.durable.ParallelConfig;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepContext;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.StepInterruptedException;
import io.leavebot.durable.Validation;
import io.leavebot.durable.WaitForCallbackConfig;
import io.leavebot.durable.WaitForConditionConfig;
import io.leavebot.durable.WaitForConditionResult;
import io.leavebot.durable.execution.ExecutionManager;
import io.leavebot.durable.execution.OperationIds;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.SubType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** The {@link DurableContext} of the root or of one child context: numbers operations and tracks replay. */
public final class DurableContextImpl implements DurableContext {
    private static final int MAX_NAME_FOR_CHILDREN = 256 - "-submitter".length();

    private final ExecutionManager manager;
    private final String contextId;
    private final String parentId;
    private final String subType;
    private final Context lambdaContext;
    private final String loggerName;
    private final DurableLogger logger;
    private final int recordedOperations;
    private int operationCount;
    private boolean replaying;

    private DurableContextImpl(ExecutionManager manager, String contextId, String parentId, String subType,
            Context lambdaContext, String loggerName, boolean logsDuringReplay) {
        this.manager = manager;
        this.contextId = contextId;
        this.parentId = parentId;
        this.subType = subType;
        this.lambdaContext = lambdaContext;
        this.loggerName = loggerName;
        this.recordedOperations = Objects.equals(contextId, parentId) ? manager.childCount(contextId) : recordedInVirtual();
        this.replaying = recordedOperations > 0;
        this.logger = new DurableLogger(loggerName, logsDuringReplay ? () -> false : this::isReplaying);
    }

    /** The context a handler receives. */
    public static DurableContextImpl root(ExecutionManager manager, Context lambdaContext, String loggerName) {
        return new DurableContextImpl(manager, null, null, null, lambdaContext, loggerName, false);
    }

    DurableContextImpl child(String id, String childSubType) {
        return child(id, childSubType, false);
    }

    DurableContextImpl child(String id, String childSubType, boolean logsDuringReplay) {
        return new DurableContextImpl(manager, id, id, childSubType, lambdaContext, loggerName, logsDuringReplay);
    }

    /**
     * A virtual context (FLAT nesting): never recorded itself; its operations take ids under {@code id} but name
     * this context's recorded ancestor as their parent.
     */
    DurableContextImpl virtualChild(String id) {
        return new DurableContextImpl(manager, id, parentId, subType, lambdaContext, loggerName, false);
    }

    @Override
    public <T> T step(String name, Class<T> type, Function<StepContext, T> body, StepConfig config) {
        return stepAsync(name, type, body, config).get();
    }

    @Override
    public <T> DurableFuture<T> stepAsync(String name, Class<T> type, Function<StepContext, T> body, StepConfig config) {
        checkCall(name, type, body);
        return new StepOperation<>(this, name, SubType.STEP, type, body, Objects.requireNonNull(config, "config")).execute();
    }

    @Override
    public DurableFuture<Void> waitAsync(String name, Duration duration) {
        checkCall(name, Void.class, duration);
        int seconds = Validation.delaySeconds("wait duration", duration);
        return new WaitOperation(this, name, seconds).execute();
    }

    @Override
    public <T> DurableCallbackFuture<T> createCallback(String name, Class<T> type, CallbackConfig config) {
        checkCall(name, type, config);
        var callback = new CallbackOperation<>(this, name, type, config);
        callback.execute();
        return callback;
    }

    @Override
    public <T> DurableFuture<T> waitForCallbackAsync(String name, Class<T> type, CallbackSubmitter submitter,
            WaitForCallbackConfig config) {
        checkCall(name, type, submitter);
        Objects.requireNonNull(config, "config");
        String prefix = name == null ? null : name.substring(0, Math.min(name.length(), MAX_NAME_FOR_CHILDREN));
        return new ChildContextOperation<>(this, name, SubType.WAIT_FOR_CALLBACK, type, child -> {
            var callback = child.createCallback(prefix == null ? null : prefix + "-callback", type, config.callbackConfig());
            try {
                child.step(prefix == null ? null : prefix + "-submitter", Void.class, step -> {
                    submitter.submit(callback.callbackId(), step);
                    return null;
                }, config.submitterConfig());
            } catch (StepFailedException | StepInterruptedException e) {
                throw new CallbackSubmitterException(e.operationId(), name, e.error());
            }
            return callback.get();
        }).execute();
    }

    @Override
    public <T> DurableFuture<T> runInChildContextAsync(String name, Class<T> type, Function<DurableContext, T> body,
            RunInChildContextConfig config) {
        checkCall(name, type, body);
        Objects.requireNonNull(config, "config");
        return new ChildContextOperation<>(this, name, SubType.RUN_IN_CHILD_CONTEXT, type, body, config.serDes(),
                config.logsDuringReplay()).execute();
    }

    @Override
    public <T> DurableFuture<T> waitForConditionAsync(String name, Class<T> type,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config) {
        checkCall(name, type, check);
        Objects.requireNonNull(config, "config");
        return new WaitForConditionOperation<>(this, name, type, check, config).execute();
    }

    @Override
    public <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, Class<T> type, InvokeConfig config) {
        checkCall(name, type, config);
        if (functionName == null || functionName.isEmpty() || functionName.length() > 140) {
            throw new IllegalArgumentException("functionName must be 1-140 characters (a name, partial ARN or ARN), but was '"
                    + functionName + "'");
        }
        return new InvokeOperation<>(this, name, functionName, payload, type, config).execute();
    }

    @Override
    public boolean isReplaying() {
        return replaying;
    }

    @Override
    public DurableLogger logger() {
        return logger;
    }

    @Override
    public String executionArn() {
        return manager.executionArn();
    }

    @Override
    public Context lambdaContext() {
        return lambdaContext;
    }

    ExecutionManager manager() {
        return manager;
    }

    String contextId() {
        return contextId;
    }

    /** The ParentId of this context's operations: its own id, or for a virtual context its recorded ancestor's. */
    String parentId() {
        return parentId;
    }

    /** A virtual context's operations are not counted by parent (that is an ancestor), so count them by id. */
    private int recordedInVirtual() {
        int count = 0;
        while (manager.operation(OperationIds.idFor(contextId, count + 1)) != null) {
            count++;
        }
        return count;
    }

    String loggerName() {
        return loggerName;
    }

    String nextOperationId() {
        return OperationIds.idFor(contextId, ++operationCount);
    }

    /**
     * The recorded operation at this operation's position, after checking it is the same kind of operation;
     * leaves replay mode at the first operation without a recorded outcome, or once the last operation this
     * context recorded before has replayed (what follows it is new code, e.g. after a wait that has ended).
     */
    Operation recorded(BaseOperation<?> op) {
        Operation recorded = manager.operation(op.id());
        if (recorded != null && (recorded.type() != op.type()
                || !Objects.equals(recorded.name(), op.name())
                || !Objects.equals(recorded.subType(), op.subType()))) {
            throw new NonDeterministicExecutionException(String.format(
                    "operation #%d of the %s was recorded as %s '%s' (%s) but the code now asks for %s '%s' (%s); "
                            + "operations must keep their kind, name and order while executions run: "
                            + "ship the change as a new function version",
                    operationCount, contextId == null ? "handler" : "child context " + contextId,
                    recorded.type(), recorded.name(), recorded.subType(), op.type(), op.name(), op.subType()));
        }
        if (recorded == null || !recorded.status().isTerminal() || operationCount >= recordedOperations) {
            replaying = false;
        }
        return recorded;
    }

    private void checkCall(String name, Class<?> type, Object body) {
        if (manager.isInStep()) {
            throw new IllegalDurableOperationException("durable operations cannot be started from inside a step "
                    + "(operation '" + name + "'); use a child context to group operations");
        }
        Validation.operationName(name);
        Objects.requireNonNull(type, "result type");
        Objects.requireNonNull(body, "operation argument");
    }

    // parallel and map

    @Override
    public <T> DurableFuture<BatchResult<T>> parallelAsync(String name, List<? extends ParallelBranch<? extends T>> branches,
            ParallelConfig config) {
        checkCall(name, BatchResult.class, branches);
        Objects.requireNonNull(config, "config");
        var copy = List.<ParallelBranch<? extends T>>copyOf(branches);
        ConcurrencyOperation.checkReachable(config.completionConfig(), copy.size(), "branches");
        return new ParallelOperation<T>(this, name, copy, config).execute();
    }

    @Override
    public <I, O> DurableFuture<BatchResult<O>> mapAsync(String name, List<I> items, Class<O> type,
            MapFunction<I, O> function, MapConfig config) {
        checkCall(name, type, function);
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(config, "config");
        var copy = Collections.unmodifiableList(new ArrayList<>(items)); // items may be null; List.copyOf refuses them
        ConcurrencyOperation.checkReachable(config.completionConfig(), copy.size(), "items");
        return new MapOperation<>(this, name, copy, type, function, config).execute();
    }
}
