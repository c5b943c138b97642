package io.leavebot.durable.operation;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.DurableCallbackFuture;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.Validation;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.CallbackOptions;
import io.leavebot.durable.model.SubType;

/** A CALLBACK: the service issues its id on START and completes it when an outside caller answers or time runs out. */
final class CallbackOperation<T> extends BaseOperation<T> implements DurableCallbackFuture<T> {
    private final Class<T> resultType;
    private final CallbackConfig config;
    private final SerDes serDes;
    private String callbackId;

    CallbackOperation(DurableContextImpl context, String name, Class<T> resultType, CallbackConfig config) {
        super(context, name, OperationType.CALLBACK, SubType.CALLBACK);
        this.resultType = resultType;
        this.config = config;
        this.serDes = config.serDes() != null ? config.serDes() : manager.serDes();
    }

    @Override
    public String callbackId() {
        return callbackId;
    }

    @Override
    protected void start() {
        int timeout = Validation.timeoutSeconds("callback timeout", config.timeout());
        int heartbeat = Validation.timeoutSeconds("callback heartbeat timeout", config.heartbeatTimeout());
        var options = new CallbackOptions(timeout > 0 ? timeout : null, heartbeat > 0 ? heartbeat : null);
        // sent at once: the id is issued by the service and the code needs it next
        Operation started = manager.checkpoint(update(OperationAction.START).callbackOptions(options).build());
        read(started);
    }

    @Override
    protected void resume(Operation recorded) {
        read(recorded);
    }

    @Override
    protected void replay(Operation recorded) {
        read(recorded);
    }

    @Override
    protected void refresh() {
        read(manager.operation(id));
    }

    private void read(Operation recorded) {
        if (recorded == null || recorded.callbackDetails() == null) {
            throw new IllegalStateException("the service did not issue a callback id for operation " + id);
        }
        var details = recorded.callbackDetails();
        callbackId = details.callbackId();
        if (recorded.status() == OperationStatus.SUCCEEDED) {
            succeed(serDes.deserialize(details.result(), resultType));
        } else if (recorded.status() == OperationStatus.FAILED) {
            fail(new CallbackFailedException(id, name, details.error()));
        } else if (recorded.status().isTerminal()) {
            ErrorObject error = details.error() != null ? details.error()
                    : ErrorObject.of(CallbackTimeoutException.TIMEOUT, "Callback timed out");
            fail(new CallbackTimeoutException(id, name, error));
        }
    }
}
