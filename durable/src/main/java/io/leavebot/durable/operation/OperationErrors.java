package io.leavebot.durable.operation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackSubmitterException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.ChildContextFailedException;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.InvokeFailedException;
import io.leavebot.durable.InvokeStoppedException;
import io.leavebot.durable.InvokeTimedOutException;
import io.leavebot.durable.StepFailedException;
import io.leavebot.durable.StepInterruptedException;
import io.leavebot.durable.WaitForConditionFailedException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import java.util.Map;

/**
 * How a child context records the exception its body threw, and rebuilds the same exception on replay. An
 * operation exception is recorded under its class name with the original error in {@code ErrorData}, so the
 * code sees the same type and error on the first run and on every replay.
 */
final class OperationErrors {
    private static final Map<String, Rebuild> OPERATION_EXCEPTIONS = Map.ofEntries(
            Map.entry(StepFailedException.class.getName(), StepFailedException::new),
            Map.entry(StepInterruptedException.class.getName(), StepInterruptedException::new),
            Map.entry(CallbackFailedException.class.getName(), CallbackFailedException::new),
            Map.entry(CallbackTimeoutException.class.getName(), CallbackTimeoutException::new),
            Map.entry(CallbackSubmitterException.class.getName(), CallbackSubmitterException::new),
            Map.entry(ChildContextFailedException.class.getName(), ChildContextFailedException::new),
            Map.entry(WaitForConditionFailedException.class.getName(), WaitForConditionFailedException::new),
            Map.entry(InvokeFailedException.class.getName(), InvokeFailedException::new),
            Map.entry(InvokeTimedOutException.class.getName(), InvokeTimedOutException::new),
            Map.entry(InvokeStoppedException.class.getName(), InvokeStoppedException::new));

    private OperationErrors() {
    }

    @FunctionalInterface
    interface Rebuild {
        DurableOperationException create(String operationId, String operationName, ErrorObject error);
    }

    @JsonNaming(PropertyNamingStrategies.UpperCamelCaseStrategy.class)
    record Wrapped(String operationId, String operationName, ErrorObject error) {
    }

    static ErrorObject record(RuntimeException error) {
        if (error instanceof DurableOperationException failed && OPERATION_EXCEPTIONS.containsKey(error.getClass().getName())) {
            try {
                String data = WireJson.ENVELOPE.writeValueAsString(
                        new Wrapped(failed.operationId(), failed.operationName(), failed.error()));
                return new ErrorObject(error.getClass().getName(), failed.errorMessage(), data, null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an error object is always serializable", e);
            }
        }
        return ErrorObject.from(error);
    }

    static DurableOperationException rebuild(ErrorObject recorded, String contextId, String contextName) {
        return rebuild(recorded, contextId, contextName, ChildContextFailedException::new);
    }

    /** As {@link #rebuild(ErrorObject, String, String)}, with {@code fallback} for errors that are not operation exceptions. */
    static DurableOperationException rebuild(ErrorObject recorded, String contextId, String contextName, Rebuild fallback) {
        Rebuild rebuild = recorded == null ? null : OPERATION_EXCEPTIONS.get(recorded.errorType());
        if (rebuild != null && recorded.errorData() != null) {
            try {
                Wrapped wrapped = WireJson.ENVELOPE.readValue(recorded.errorData(), Wrapped.class);
                return rebuild.create(wrapped.operationId(), wrapped.operationName(), wrapped.error());
            } catch (JsonProcessingException e) {
                // recorded by another runtime: fall through to the generic failure
            }
        }
        return fallback.create(contextId, contextName, recorded);
    }
}
