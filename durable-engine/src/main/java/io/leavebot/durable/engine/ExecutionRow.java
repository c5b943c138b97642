package io.leavebot.durable.engine;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionStatus;
import java.time.Instant;

/** One row of the executions table, changed in place inside a transaction and then saved. */
final class ExecutionRow {
    /** Database key; 0 until first saved. */
    long id;
    String arn;
    String functionName;
    String name;
    String input;
    ExecutionStatus status;
    String result;
    ErrorObject error;
    long startMs;
    Long endMs;
    /** The checkpoint token of the running invocation; null between invocations. */
    String token;
    /** Request id of the running invocation; null between invocations. */
    String invocationId;
    Long invocationStartMs;
    /** Something changed that the handler has not seen yet: it must be invoked (survives a crash). */
    boolean runnable;
    int failedInvocations;
    long nextEventId;
    /** Counter stamped on every operation change, so a checkpoint can return what changed since the last one. */
    long changeSeq;
    /** The {@link #changeSeq} the running invocation has seen. */
    long syncedSeq;
    /** Counter giving operations their order in the state pages. */
    long opSeq;
    /** Latest end timestamp handed out, to keep completion times strictly increasing per execution. */
    long lastEndMs;

    /** A copy to change in place: the one given out and the one kept in {@link EngineStore}'s cache stay apart. */
    ExecutionRow copy() {
        var c = new ExecutionRow();
        c.id = id;
        c.arn = arn;
        c.functionName = functionName;
        c.name = name;
        c.input = input;
        c.status = status;
        c.result = result;
        c.error = error;
        c.startMs = startMs;
        c.endMs = endMs;
        c.token = token;
        c.invocationId = invocationId;
        c.invocationStartMs = invocationStartMs;
        c.runnable = runnable;
        c.failedInvocations = failedInvocations;
        c.nextEventId = nextEventId;
        c.changeSeq = changeSeq;
        c.syncedSeq = syncedSeq;
        c.opSeq = opSeq;
        c.lastEndMs = lastEndMs;
        return c;
    }

    DurableExecution toExecution() {
        return new DurableExecution(arn, name, functionName, status, input, result, error,
                Instant.ofEpochMilli(startMs), endMs == null ? null : Instant.ofEpochMilli(endMs));
    }

    /** The id of the EXECUTION operation: the last segment of the ARN. */
    String executionOperationId() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
