package io.leavebot.durable.operation;

import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.InvokeFailedException;
import io.leavebot.durable.InvokeStoppedException;
import io.leavebot.durable.InvokeTimedOutException;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate.ChainedInvokeOptions;
import io.leavebot.durable.model.SubType;

/**
 * A CHAINED_INVOKE: START carries the target function and the serialized payload; the service runs the target as
 * an execution of its own and completes this operation when it ends (SUCCEEDED, FAILED, TIMED_OUT or STOPPED).
 */
final class InvokeOperation<T> extends BaseOperation<T> {
    private final String functionName;
    private final Object payload;
    private final Class<T> resultType;
    private final InvokeConfig config;
    private final SerDes serDes;

    InvokeOperation(DurableContextImpl context, String name, String functionName, Object payload, Class<T> resultType,
            InvokeConfig config) {
        super(context, name, OperationType.CHAINED_INVOKE, SubType.CHAINED_INVOKE);
        this.functionName = functionName;
        this.payload = payload;
        this.resultType = resultType;
        this.config = config;
        this.serDes = config.serDes() != null ? config.serDes() : manager.serDes();
    }

    @Override
    protected void start() {
        SerDes payloadSerDes = config.payloadSerDes() != null ? config.payloadSerDes() : serDes;
        // queued: it travels with the next checkpoint, at the latest the one sent when the invocation suspends
        manager.enqueue(update(OperationAction.START).payload(payloadSerDes.serialize(payload))
                .chainedInvokeOptions(new ChainedInvokeOptions(functionName, config.tenantId())).build());
    }

    @Override
    protected void resume(Operation recorded) {
        // the target still runs: the service invokes again when it ends
    }

    @Override
    protected void replay(Operation recorded) {
        read(recorded);
    }

    @Override
    protected void refresh() {
        Operation recorded = manager.operation(id);
        if (recorded != null && recorded.status().isTerminal()) {
            read(recorded);
        }
    }

    private void read(Operation recorded) {
        var details = recorded.chainedInvokeDetails();
        ErrorObject error = details == null ? null : details.error();
        switch (recorded.status()) {
            case SUCCEEDED -> succeed(serDes.deserialize(details == null ? null : details.result(), resultType));
            case TIMED_OUT -> fail(new InvokeTimedOutException(id, name, error));
            case STOPPED -> fail(new InvokeStoppedException(id, name, error));
            default -> fail(new InvokeFailedException(id, name, error));
        }
    }
}
