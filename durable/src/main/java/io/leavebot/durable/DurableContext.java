package io.leavebot.durable;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a durable handler uses to do work that survives restarts. Every method is one durable operation with a
 * deterministic id (its position in the code): on the first run it does the work and records the outcome; on
 * replay it returns the recorded outcome without running user code. Names are free text for people (1–256
 * printable ASCII characters, or null); changing the kind, name or order of operations under a running
 * execution raises {@link NonDeterministicExecutionException}.
 *
 * <p>Operations run in program order on the invocation's thread; {@code …Async} forms start an operation and
 * return at once, so one can wait for several things together ({@link DurableFuture#anyOf}).
 */
public interface DurableContext {

    /**
     * Runs {@code body} once and records its result. If it throws, {@link StepConfig#retryStrategy()} decides:
     * retry later (the invocation suspends until the retry is due) or fail with {@link StepFailedException}.
     * On replay, returns the recorded result or throws the recorded failure.
     */
    <T> T step(String name, Class<T> type, Function<StepContext, T> body, StepConfig config);

    /** {@link #step(String, Class, Function, StepConfig)} with {@link StepConfig#DEFAULT}. */
    default <T> T step(String name, Class<T> type, Function<StepContext, T> body) {
        return step(name, type, body, StepConfig.DEFAULT);
    }

    <T> DurableFuture<T> stepAsync(String name, Class<T> type, Function<StepContext, T> body, StepConfig config);

    default <T> DurableFuture<T> stepAsync(String name, Class<T> type, Function<StepContext, T> body) {
        return stepAsync(name, type, body, StepConfig.DEFAULT);
    }

    /** Pauses for {@code duration} (whole seconds, 1 s to 366 days) without holding a thread or a Lambda. */
    default void wait(String name, Duration duration) {
        waitAsync(name, duration).get();
    }

    DurableFuture<Void> waitAsync(String name, Duration duration);

    /**
     * Creates a callback: the service issues an id that an outside caller completes with success or failure.
     * {@link DurableCallbackFuture#get()} returns the result, or throws {@link CallbackFailedException} or
     * {@link CallbackTimeoutException}.
     */
    <T> DurableCallbackFuture<T> createCallback(String name, Class<T> type, CallbackConfig config);

    default <T> DurableCallbackFuture<T> createCallback(String name, Class<T> type) {
        return createCallback(name, type, CallbackConfig.DEFAULT);
    }

    /**
     * Creates a callback, hands its id to {@code submitter} (run as a step, with the configured retries) and
     * waits for the result. Recorded as a child context named {@code name} holding the callback and the
     * submitter step. Throws {@link CallbackFailedException}, {@link CallbackTimeoutException} or
     * {@link CallbackSubmitterException}.
     */
    default <T> T waitForCallback(String name, Class<T> type, CallbackSubmitter submitter, WaitForCallbackConfig config) {
        return waitForCallbackAsync(name, type, submitter, config).get();
    }

    default <T> T waitForCallback(String name, Class<T> type, CallbackSubmitter submitter) {
        return waitForCallback(name, type, submitter, WaitForCallbackConfig.DEFAULT);
    }

    <T> DurableFuture<T> waitForCallbackAsync(String name, Class<T> type, CallbackSubmitter submitter, WaitForCallbackConfig config);

    /**
     * Runs {@code body} as a child context: its operations get ids of their own, and once it has completed,
     * replays return its recorded result without running it. An operation exception thrown inside passes
     * through unchanged; anything else becomes {@link ChildContextFailedException}.
     */
    default <T> T runInChildContext(String name, Class<T> type, Function<DurableContext, T> body) {
        return runInChildContextAsync(name, type, body).get();
    }

    /** {@link #runInChildContext(String, Class, Function)} with its own result SerDes and replay logging. */
    default <T> T runInChildContext(String name, Class<T> type, Function<DurableContext, T> body, RunInChildContextConfig config) {
        return runInChildContextAsync(name, type, body, config).get();
    }

    default <T> DurableFuture<T> runInChildContextAsync(String name, Class<T> type, Function<DurableContext, T> body) {
        return runInChildContextAsync(name, type, body, RunInChildContextConfig.DEFAULT);
    }

    <T> DurableFuture<T> runInChildContextAsync(String name, Class<T> type, Function<DurableContext, T> body,
            RunInChildContextConfig config);

    /** True while this context is returning recorded outcomes rather than doing new work. */
    boolean isReplaying();

    /** A logger that is silent during replay. */
    DurableLogger logger();

    String executionArn();

    /** The Lambda context of the current invocation (the engine's stand-in when embedded). */
    Context lambdaContext();

    // parallel and map

    /**
     * Runs {@code branches} as a {@code Parallel} child context, each branch a {@code ParallelBranch} child context
     * of its own, started in order while fewer than {@link ParallelConfig#maxConcurrency()} are open (a branch
     * that waits stays open). Once the {@link CompletionConfig} is met, no further branch starts. A branch that
     * throws does not make this throw: its failure is in the {@link BatchResult} ({@link BatchResult#throwIfError()}).
     * On replay, a completed parallel returns the recorded batch without running any branch; an open one runs
     * again, replaying the branches that have an outcome. Throws {@link IllegalArgumentException} for a
     * {@code minSuccessful} larger than the number of branches.
     */
    default <T> BatchResult<T> parallel(String name, List<? extends ParallelBranch<? extends T>> branches, ParallelConfig config) {
        return parallelAsync(name, branches, config).get();
    }

    /** {@link #parallel(String, List, ParallelConfig)} with {@link ParallelConfig#DEFAULT}. */
    default <T> BatchResult<T> parallel(String name, List<? extends ParallelBranch<? extends T>> branches) {
        return parallel(name, branches, ParallelConfig.DEFAULT);
    }

    <T> DurableFuture<BatchResult<T>> parallelAsync(String name, List<? extends ParallelBranch<? extends T>> branches,
            ParallelConfig config);

    /**
     * Runs {@code function} once per item, as a {@code Map} child context holding one {@code MapIteration} child
     * context per item; otherwise as {@link #parallel(String, List, ParallelConfig)}: the same concurrency,
     * completion rules and replay, and results in item order.
     */
    default <I, O> BatchResult<O> map(String name, List<I> items, Class<O> type, MapFunction<I, O> function, MapConfig config) {
        return mapAsync(name, items, type, function, config).get();
    }

    /** {@link #map(String, List, Class, MapFunction, MapConfig)} with {@link MapConfig#DEFAULT}. */
    default <I, O> BatchResult<O> map(String name, List<I> items, Class<O> type, MapFunction<I, O> function) {
        return map(name, items, type, function, MapConfig.DEFAULT);
    }

    <I, O> DurableFuture<BatchResult<O>> mapAsync(String name, List<I> items, Class<O> type, MapFunction<I, O> function,
            MapConfig config);

    // invoke

    /**
     * Invokes another durable function and waits for its result: a chained invoke. On the first run the payload is
     * serialized ({@link InvokeConfig#payloadSerDes()}) and recorded with the target's name; the service starts the
     * target as an execution of its own and the invocation suspends until that execution ends. On replay, returns
     * the recorded result (read with {@link InvokeConfig#serDes()}) or throws the recorded failure; the target is
     * never invoked twice.
     *
     * @param functionName the target: in the embedded engine a registered function name; on AWS a function name,
     *                     partial ARN or ARN, qualified by version or alias
     * @throws InvokeFailedException   when the target's execution failed
     * @throws InvokeTimedOutException when it timed out
     * @throws InvokeStoppedException  when it was stopped
     */
    default <T, U> T invoke(String name, String functionName, U payload, Class<T> type, InvokeConfig config) {
        return invokeAsync(name, functionName, payload, type, config).get();
    }

    /** {@link #invoke(String, String, Object, Class, InvokeConfig)} with {@link InvokeConfig#DEFAULT}. */
    default <T, U> T invoke(String name, String functionName, U payload, Class<T> type) {
        return invoke(name, functionName, payload, type, InvokeConfig.DEFAULT);
    }

    /** Starts a chained invoke and returns at once; {@link DurableFuture#get()} waits for the result. */
    <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, Class<T> type, InvokeConfig config);

    default <T, U> DurableFuture<T> invokeAsync(String name, String functionName, U payload, Class<T> type) {
        return invokeAsync(name, functionName, payload, type, InvokeConfig.DEFAULT);
    }
    // waitForCondition

    /**
     * Polls until a condition holds, without holding a thread or a Lambda between checks. Recorded as one STEP
     * (SubType {@code WaitForCondition}); each check is one attempt. The first check receives
     * {@link WaitForConditionConfig#initialState()}; each later one receives the state the previous check
     * returned. When {@code check} returns {@link WaitForConditionResult#stopPolling}, that state is recorded and
     * returned. When it returns {@link WaitForConditionResult#continuePolling}, the state is recorded, the wait
     * strategy picks the delay, and the invocation suspends until the next check is due.
     *
     * <p>On replay a finished operation returns its recorded state (or throws its recorded failure) without
     * running {@code check}; an unfinished one continues from its recorded state. A check that is cut off by a
     * crash runs again (at least once per attempt), with the same state.
     *
     * @throws WaitForConditionFailedException when {@code check} throws (checks are not retried) or the wait
     *                                         strategy gives up
     */
    default <T> T waitForCondition(String name, Class<T> type, BiFunction<T, StepContext, WaitForConditionResult<T>> check,
            WaitForConditionConfig<T> config) {
        return waitForConditionAsync(name, type, check, config).get();
    }

    /** {@link #waitForCondition(String, Class, BiFunction, WaitForConditionConfig)}, returning at once. */
    <T> DurableFuture<T> waitForConditionAsync(String name, Class<T> type,
            BiFunction<T, StepContext, WaitForConditionResult<T>> check, WaitForConditionConfig<T> config);
}
