package io.leavebot.durable;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;

/**
 * The durable service as callers outside an execution see it: front ends, e-mail links, tools. Implemented by
 * the embedded engine and over the Lambda API ({@code LambdaDurableClient}). Every method throws a
 * {@link DurableServiceException} subclass that names what was wrong.
 */
public interface DurableClient {

    /**
     * Starts an execution asynchronously. Idempotent by name: while an execution with {@code executionName} is
     * running with the same input, its ARN is returned ({@code alreadyStarted}); with a different input, an
     * {@link DurableServiceException.ExecutionAlreadyStartedException}.
     *
     * @param inputJson the handler's input as JSON text
     */
    StartedExecution start(String functionName, String executionName, String inputJson);

    /** Completes a callback with a JSON result; {@link DurableServiceException.CallbackClosedException} if it is closed. */
    void succeedCallback(String callbackId, String resultJson);

    /** Completes a callback with a failure. */
    void failCallback(String callbackId, ErrorObject error);

    /** Tells the service the callback's owner is still working, which resets its heartbeat timeout. */
    void heartbeatCallback(String callbackId);

    DurableExecution getExecution(String executionArn);

    ExecutionPage listExecutions(String functionName, ExecutionQuery query);

    /** Stops a running execution; it cannot resume. Side effects already done stay done. */
    void stopExecution(String executionArn, ErrorObject reason);

    /** One page of the execution's history, oldest first. */
    HistoryPage getHistory(String executionArn, String marker, int maxItems);
}
