package io.leavebot.durable.operation;

import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.WaitOptions;
import io.leavebot.durable.model.SubType;

/** A WAIT: the service completes it at its scheduled end; the code never sends SUCCEED for it. */
final class WaitOperation extends BaseOperation<Void> {
    private final int seconds;

    WaitOperation(DurableContextImpl context, String name, int seconds) {
        super(context, name, OperationType.WAIT, SubType.WAIT);
        this.seconds = seconds;
    }

    @Override
    protected void start() {
        manager.enqueue(update(OperationAction.START).waitOptions(new WaitOptions(seconds)).build());
    }

    @Override
    protected void resume(Operation recorded) {
        // still waiting: the service invokes again when the wait ends
    }

    @Override
    protected void replay(Operation recorded) {
        succeed(null);
    }

    @Override
    protected void refresh() {
        Operation recorded = manager.operation(id);
        if (recorded != null && recorded.status() == OperationStatus.SUCCEEDED) {
            succeed(null);
        }
    }
}
