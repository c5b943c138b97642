package io.leavebot.durable.operation;

import io.leavebot.durable.DurableLogger;
import io.leavebot.durable.StepContext;

/** The {@link StepContext} of one attempt of a step or of one check of a waitForCondition. */
final class StepAttempt implements StepContext {
    private final int number;
    private final DurableLogger logger;
    private final String executionArn;

    StepAttempt(DurableContextImpl context, int number) {
        this.number = number;
        this.logger = new DurableLogger(context.loggerName(), () -> false); // an attempt that runs is never a replay
        this.executionArn = context.manager().executionArn();
    }

    @Override
    public int attempt() {
        return number;
    }

    @Override
    public DurableLogger logger() {
        return logger;
    }

    @Override
    public String executionArn() {
        return executionArn;
    }
}
