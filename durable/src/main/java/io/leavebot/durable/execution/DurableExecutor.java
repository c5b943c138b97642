package io.leavebot.durable.execution;

import com.amazonaws.services.lambda.runtime.Context;
import io.leavebot.durable.DurableConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableOperationException;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.InvocationLogContext;
import io.leavebot.durable.UnrecoverableDurableExecutionException;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.operation.DurableContextImpl;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;

/**
 * Runs one invocation: envelope in, handler (replaying what is recorded), output out. Decides between
 * SUCCEEDED, FAILED and PENDING, and between returning FAILED and throwing (so Lambda retries the invocation).
 */
public final class DurableExecutor {
    /** Lambda's 6 MiB response limit, less room for the envelope around the result. */
    public static final int RESPONSE_LIMIT_BYTES = 6 * 1024 * 1024 - 50;

    private static final System.Logger LOG = System.getLogger(DurableExecutor.class.getName());

    private final DurableConfig config;
    private final int responseLimitBytes;

    public DurableExecutor(DurableConfig config) {
        this(config, RESPONSE_LIMIT_BYTES);
    }

    DurableExecutor(DurableConfig config, int responseLimitBytes) {
        this.config = config;
        this.responseLimitBytes = responseLimitBytes;
    }

    /**
     * @param service the service to checkpoint to (resolved by the caller from config, context or environment)
     * @throws IllegalArgumentException when the event is not a durable execution envelope
     * @throws DurableServiceException  when the service failed in a way a new invocation may fix
     */
    public <I, O> DurableExecutionOutput execute(DurableExecutionInput envelope, DurableService service, Context lambdaContext,
            Class<I> inputType, String handlerName, BiFunction<I, DurableContext, O> handler) {
        validate(envelope);
        String requestId = lambdaContext == null ? null : lambdaContext.getAwsRequestId();
        try (var logContext = InvocationLogContext.execution(requestId, envelope.durableExecutionArn())) {
            return executeValid(envelope, service, lambdaContext, inputType, handlerName, handler);
        }
    }

    private <I, O> DurableExecutionOutput executeValid(DurableExecutionInput envelope, DurableService service,
            Context lambdaContext, Class<I> inputType, String handlerName, BiFunction<I, DurableContext, O> handler) {
        var manager = new ExecutionManager(envelope.durableExecutionArn(), envelope.checkpointToken(), service, config.serDes());
        manager.load(envelope.initialExecutionState());
        String executionOpId = envelope.durableExecutionArn().substring(envelope.durableExecutionArn().lastIndexOf('/') + 1);
        Operation execution = manager.operation(executionOpId);
        if (execution == null || execution.type() != OperationType.EXECUTION) {
            throw new IllegalArgumentException("the execution state has no EXECUTION operation with id '" + executionOpId
                    + "' (the last segment of the execution ARN)");
        }
        try {
            return run(manager, executionOpId, execution, lambdaContext, inputType, handlerName, handler);
        } finally {
            manager.stopSender(); // even when the handler dies with an Error: nothing of this invocation stays on the wire
        }
    }

    private <I, O> DurableExecutionOutput run(ExecutionManager manager, String executionOpId, Operation execution,
            Context lambdaContext, Class<I> inputType, String handlerName, BiFunction<I, DurableContext, O> handler) {
        try {
            String inputJson = execution.executionDetails() == null ? null : execution.executionDetails().inputPayload();
            I input = config.serDes().deserialize(inputJson, inputType);
            O result = handler.apply(input, DurableContextImpl.root(manager, lambdaContext, handlerName));
            manager.flush();
            return succeeded(manager, executionOpId, config.serDes().serialize(result));
        } catch (SuspendExecution suspended) {
            return pending(manager);
        } catch (DurableServiceException e) {
            if (e.isRetryable()) {
                throw e;
            }
            return DurableExecutionOutput.failed(ErrorObject.from(e));
        } catch (UnrecoverableDurableExecutionException e) {
            if (e.isRetryable()) {
                throw e;
            }
            return failed(manager, ErrorObject.from(e));
        } catch (DurableOperationException e) {
            return failed(manager, e.error() != null ? e.error() : ErrorObject.from(e));
        } catch (RuntimeException e) {
            // not a durable operation's failure but the handler's own: a bug, whose stack the FAILED output does not keep
            LOG.log(System.Logger.Level.ERROR, handlerName + " failed its execution with an exception of its own", e);
            return failed(manager, ErrorObject.from(e));
        }
    }

    private DurableExecutionOutput succeeded(ExecutionManager manager, String executionOpId, String result) {
        if (result != null && result.getBytes(StandardCharsets.UTF_8).length > responseLimitBytes) {
            // too large for the response: record it on the EXECUTION operation and return an empty result
            manager.checkpoint(OperationUpdate.builder(executionOpId, OperationType.EXECUTION, OperationAction.SUCCEED)
                    .payload(result).build());
            return DurableExecutionOutput.succeeded("");
        }
        return DurableExecutionOutput.succeeded(result);
    }

    private static DurableExecutionOutput pending(ExecutionManager manager) {
        try {
            manager.flush(); // e.g. the START of the wait the handler now waits for
        } catch (DurableServiceException e) {
            if (e.isRetryable()) {
                throw e;
            }
            return DurableExecutionOutput.failed(ErrorObject.from(e));
        }
        return DurableExecutionOutput.pending();
    }

    private static DurableExecutionOutput failed(ExecutionManager manager, ErrorObject error) {
        try {
            manager.flush(); // what the handler recorded before failing stays recorded
        } catch (DurableServiceException e) {
            if (e.isRetryable()) {
                throw e;
            }
        }
        return DurableExecutionOutput.failed(error);
    }

    private static void validate(DurableExecutionInput envelope) {
        if (envelope == null || isBlank(envelope.durableExecutionArn()) || isBlank(envelope.checkpointToken())) {
            throw new IllegalArgumentException("not a durable execution event: DurableExecutionArn and CheckpointToken "
                    + "are required (is durable execution enabled on this function?)");
        }
        if (!envelope.durableExecutionArn().contains("/")) {
            throw new IllegalArgumentException("malformed DurableExecutionArn '" + envelope.durableExecutionArn()
                    + "': expected …/durable-execution/<name>/<id>");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
