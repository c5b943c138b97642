package io.leavebot.workflow;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStore;
import java.util.Optional;

/**
 * The front ends' side of approved leave's watch ({@link LeaveDays}): a cancellation completes the callback the
 * leave's own execution recorded, and that execution carries it out.
 */
final class LeaveWatch {
    private final LeaveStore store;
    private final DurableClient client;
    private final String workflow;

    LeaveWatch(LeaveStore store, DurableClient client, String workflow) {
        this.store = store;
        this.client = client;
        this.workflow = workflow;
    }

    /**
     * Hands the cancellation to the leave's own execution; false when none watches the leave any more (it ended,
     * or was approved by a LeaveBot before the watch), so that the caller starts the separate cancellation.
     */
    boolean cancel(String requestId, Answer cancellation) {
        Optional<String> watch = store.watchCallback(requestId);
        return watch.isPresent() && cancel(requestId, watch.get(), cancellation);
    }

    private boolean cancel(String requestId, String callbackId, Answer cancellation) {
        try {
            Answers.send(client, callbackId, cancellation);
            return true;
        } catch (CallbackClosedException | ResourceNotFoundException e) {
            Optional<String> now = store.watchCallback(requestId);
            if (now.isPresent() && !now.get().equals(callbackId)) {
                return cancel(requestId, now.get(), cancellation); // it refused something and watches anew
            }
            // taken already (a repeated cancellation, being carried out), unless the execution has ended
            return running(LeaveRequest.executionNameFor(requestId));
        }
    }

    private boolean running(String executionName) {
        return client.listExecutions(workflow, ExecutionQuery.named(executionName)).executions().stream()
                .anyMatch(e -> e.status() == ExecutionStatus.RUNNING);
    }
}
