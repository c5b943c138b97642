package io.leavebot.durable.lambda;

import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.lambda.model.CallbackDetails;
import software.amazon.awssdk.services.lambda.model.CallbackOptions;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeDetails;
import software.amazon.awssdk.services.lambda.model.ChainedInvokeOptions;
import software.amazon.awssdk.services.lambda.model.ContextDetails;
import software.amazon.awssdk.services.lambda.model.ContextOptions;
import software.amazon.awssdk.services.lambda.model.Execution;
import software.amazon.awssdk.services.lambda.model.ExecutionDetails;
import software.amazon.awssdk.services.lambda.model.GetDurableExecutionResponse;
import software.amazon.awssdk.services.lambda.model.StepDetails;
import software.amazon.awssdk.services.lambda.model.StepOptions;
import software.amazon.awssdk.services.lambda.model.WaitDetails;
import software.amazon.awssdk.services.lambda.model.WaitOptions;

/**
 * Converts between our wire records ({@code io.leavebot.durable.model}) and the AWS SDK model classes of the same
 * names. Members the other side lacks are dropped: the SDK's KMS, trace ({@code XAmznTraceId}) and durable-config
 * members. Event details are converted member by member
 * through the SDK's field metadata ({@link SdkPojos}), so every event type round-trips without a method of its own.
 */
final class SdkConverter {
    private SdkConverter() {
    }

    static software.amazon.awssdk.services.lambda.model.ErrorObject toSdk(ErrorObject error) {
        if (error == null) {
            return null;
        }
        return software.amazon.awssdk.services.lambda.model.ErrorObject.builder().errorType(error.errorType())
                .errorMessage(error.errorMessage()).errorData(error.errorData()).stackTrace(error.stackTrace()).build();
    }

    static ErrorObject fromSdk(software.amazon.awssdk.services.lambda.model.ErrorObject error) {
        if (error == null) {
            return null;
        }
        // the SDK reports an absent list as an empty "auto construct" list; keep absent as null
        List<String> frames = error.hasStackTrace() ? error.stackTrace() : null;
        return new ErrorObject(error.errorType(), error.errorMessage(), error.errorData(), frames);
    }

    static software.amazon.awssdk.services.lambda.model.OperationUpdate toSdk(OperationUpdate u) {
        var b = software.amazon.awssdk.services.lambda.model.OperationUpdate.builder()
                .id(u.id()).parentId(u.parentId()).name(u.name()).type(nameOf(u.type())).subType(u.subType())
                .action(nameOf(u.action())).payload(u.payload()).error(toSdk(u.error()));
        if (u.stepOptions() != null) {
            b.stepOptions(StepOptions.builder().nextAttemptDelaySeconds(u.stepOptions().nextAttemptDelaySeconds()).build());
        }
        if (u.waitOptions() != null) {
            b.waitOptions(WaitOptions.builder().waitSeconds(u.waitOptions().waitSeconds()).build());
        }
        if (u.callbackOptions() != null) {
            b.callbackOptions(CallbackOptions.builder().timeoutSeconds(u.callbackOptions().timeoutSeconds())
                    .heartbeatTimeoutSeconds(u.callbackOptions().heartbeatTimeoutSeconds()).build());
        }
        if (u.contextOptions() != null) {
            b.contextOptions(ContextOptions.builder().replayChildren(u.contextOptions().replayChildren()).build());
        }
        if (u.chainedInvokeOptions() != null) {
            b.chainedInvokeOptions(ChainedInvokeOptions.builder().functionName(u.chainedInvokeOptions().functionName())
                    .tenantId(u.chainedInvokeOptions().tenantId()).build());
        }
        return b.build();
    }

    static OperationUpdate fromSdk(software.amazon.awssdk.services.lambda.model.OperationUpdate u) {
        return new OperationUpdate(u.id(), u.parentId(), u.name(), enumOf(OperationType.class, u.typeAsString()),
                u.subType(), enumOf(OperationAction.class, u.actionAsString()), u.payload(), fromSdk(u.error()),
                map(u.stepOptions(), o -> new OperationUpdate.StepOptions(o.nextAttemptDelaySeconds())),
                map(u.waitOptions(), o -> new OperationUpdate.WaitOptions(o.waitSeconds())),
                map(u.callbackOptions(), o -> new OperationUpdate.CallbackOptions(o.timeoutSeconds(), o.heartbeatTimeoutSeconds())),
                map(u.contextOptions(), o -> new OperationUpdate.ContextOptions(o.replayChildren())),
                map(u.chainedInvokeOptions(), o -> new OperationUpdate.ChainedInvokeOptions(o.functionName(), o.tenantId())));
    }

    static software.amazon.awssdk.services.lambda.model.Operation toSdk(Operation op) {
        var b = software.amazon.awssdk.services.lambda.model.Operation.builder()
                .id(op.id()).parentId(op.parentId()).name(op.name()).type(nameOf(op.type())).subType(op.subType())
                .startTimestamp(op.startTimestamp()).endTimestamp(op.endTimestamp()).status(nameOf(op.status()));
        var execution = op.executionDetails();
        var context = op.contextDetails();
        var step = op.stepDetails();
        var callback = op.callbackDetails();
        if (execution != null) {
            b.executionDetails(ExecutionDetails.builder().inputPayload(execution.inputPayload()).build());
        }
        if (context != null) {
            b.contextDetails(ContextDetails.builder().replayChildren(context.replayChildren()).result(context.result())
                    .error(toSdk(context.error())).build());
        }
        if (step != null) {
            b.stepDetails(StepDetails.builder().attempt(step.attempt()).nextAttemptTimestamp(step.nextAttemptTimestamp())
                    .result(step.result()).error(toSdk(step.error())).build());
        }
        if (op.waitDetails() != null) {
            b.waitDetails(WaitDetails.builder().scheduledEndTimestamp(op.waitDetails().scheduledEndTimestamp()).build());
        }
        if (callback != null) {
            b.callbackDetails(CallbackDetails.builder().callbackId(callback.callbackId()).result(callback.result())
                    .error(toSdk(callback.error())).build());
        }
        if (op.chainedInvokeDetails() != null) {
            b.chainedInvokeDetails(ChainedInvokeDetails.builder().result(op.chainedInvokeDetails().result())
                    .error(toSdk(op.chainedInvokeDetails().error())).build());
        }
        return b.build();
    }

    static Operation fromSdk(software.amazon.awssdk.services.lambda.model.Operation op) {
        return new Operation(op.id(), op.parentId(), op.name(), enumOf(OperationType.class, op.typeAsString()),
                op.subType(), op.startTimestamp(), op.endTimestamp(), enumOf(OperationStatus.class, op.statusAsString()),
                map(op.executionDetails(), d -> new Operation.ExecutionDetails(d.inputPayload())),
                map(op.contextDetails(), d -> new Operation.ContextDetails(d.replayChildren(), d.result(), fromSdk(d.error()))),
                map(op.stepDetails(), d -> new Operation.StepDetails(d.attempt(), d.nextAttemptTimestamp(), d.result(),
                        fromSdk(d.error()))),
                map(op.waitDetails(), d -> new Operation.WaitDetails(d.scheduledEndTimestamp())),
                map(op.callbackDetails(), d -> new Operation.CallbackDetails(d.callbackId(), d.result(), fromSdk(d.error()))),
                map(op.chainedInvokeDetails(), d -> new Operation.ChainedInvokeDetails(d.result(), fromSdk(d.error()))));
    }

    static ExecutionState state(List<software.amazon.awssdk.services.lambda.model.Operation> operations, String nextMarker) {
        return new ExecutionState(operations.stream().map(SdkConverter::fromSdk).toList(), nextMarker);
    }

    static DurableExecution fromSdk(GetDurableExecutionResponse r) {
        return new DurableExecution(r.durableExecutionArn(), r.durableExecutionName(), functionNameOf(r.functionArn()),
                enumOf(ExecutionStatus.class, r.statusAsString()), r.inputPayload(), r.result(), fromSdk(r.error()),
                r.startTimestamp(), r.endTimestamp());
    }

    static DurableExecution fromSdk(Execution e) {
        return new DurableExecution(e.durableExecutionArn(), e.durableExecutionName(), functionNameOf(e.functionArn()),
                enumOf(ExecutionStatus.class, e.statusAsString()), null, null, null, e.startTimestamp(), e.endTimestamp());
    }

    static Execution toSdk(DurableExecution e) {
        return Execution.builder().durableExecutionArn(e.durableExecutionArn()).durableExecutionName(e.durableExecutionName())
                .functionArn(e.functionName()).status(nameOf(e.status())).startTimestamp(e.startTimestamp())
                .endTimestamp(e.endTimestamp()).build();
    }

    static software.amazon.awssdk.services.lambda.model.Event toSdk(Event e) {
        var b = software.amazon.awssdk.services.lambda.model.Event.builder()
                .eventId(Math.toIntExact(e.eventId())).eventTimestamp(e.eventTimestamp()).eventType(e.eventType())
                .id(e.id()).name(e.name()).parentId(e.parentId()).subType(e.subType());
        SdkPojos.setDetails(b, e.eventType() + "Details", e.details());
        return b.build();
    }

    static Event fromSdk(software.amazon.awssdk.services.lambda.model.Event e) {
        String type = e.eventTypeAsString();
        return new Event(e.eventId() == null ? 0 : e.eventId(), e.eventTimestamp(), type, e.id(), e.name(), e.parentId(),
                e.subType(), SdkPojos.details(e, type + "Details"));
    }

    /**
     * The function's name from a function ARN ({@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}),
     * so an execution names its function the same way here and in the embedded engine. Anything else is kept.
     */
    static String functionNameOf(String functionArn) {
        if (functionArn == null || !functionArn.startsWith("arn:")) {
            return functionArn;
        }
        String[] parts = functionArn.split(":");
        return parts.length >= 7 && parts[5].equals("function") ? parts[6] : functionArn;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String wire) {
        if (wire == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, wire);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the Lambda API sent " + type.getSimpleName() + " '" + wire
                    + "', which this runtime does not know; upgrade LeaveBot's durable module", e);
        }
    }

    private static <S, T> T map(S value, Function<S, T> convert) {
        return value == null ? null : convert.apply(value);
    }
}
