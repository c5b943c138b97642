package io.leavebot.durable;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
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
