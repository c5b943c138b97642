package io.leavebot.durable;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.execution.DurableExecutor;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.execution.WireJsonWarmUp;
import io.leavebot.durable.lambda.LambdaDurableService;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Base class of a durable function. Implement {@link #handleRequest(Object, DurableContext)}; the same class
 * runs as an AWS Lambda durable function and in the embedded engine. Each invocation replays the recorded
 * operations, continues from where the last one stopped, and answers SUCCEEDED, FAILED or PENDING.
 *
 * @param <I> the input, read with the configured {@link SerDes}
 * @param <O> the result
 */
public abstract class DurableHandler<I, O> implements RequestStreamHandler {
    private final Class<I> inputType;
    private final DurableConfig config;
    private final DurableExecutor executor;

    /** Reads the input type from the subclass's type arguments. */
    protected DurableHandler() {
        this(null);
    }

    protected DurableHandler(Class<I> inputType) {
        WireJsonWarmUp.start(); // while the subclass's constructor builds its clients
        this.inputType = inputType != null ? inputType : inputTypeOf(getClass());
        this.config = configuration();
        this.executor = new DurableExecutor(config);
    }

    /** The business logic. Must be deterministic outside durable operations: see {@link DurableContext}. */
    public abstract O handleRequest(I input, DurableContext context);

    /** Override to choose the {@link SerDes} or the {@link DurableService}. Called once, from the constructor. */
    protected DurableConfig configuration() {
        return DurableConfig.DEFAULT;
    }

    /** The Lambda entry point: envelope in, output envelope out. */
    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DurableExecutionInput envelope;
        try {
            envelope = WireJson.ENVELOPE.readValue(input, DurableExecutionInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a durable execution event: " + e.getOriginalMessage(), e);
        }
        DurableExecutionOutput result = executor.execute(envelope, serviceFor(context), context, inputType,
                getClass().getName(), this::handleRequest);
        WireJson.ENVELOPE.writeValue(output, result);
    }

    private DurableService serviceFor(Context context) {
        if (config.service() != null) {
            return config.service();
        }
        if (context instanceof DurableInvocationContext embedded) {
            return embedded.durableService();
        }
        return LambdaDurableService.fromEnvironment();
    }

    @SuppressWarnings("unchecked")
    private static <I> Class<I> inputTypeOf(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Type superType = c.getGenericSuperclass();
            if (superType instanceof ParameterizedType p && p.getRawType() == DurableHandler.class) {
                Type arg = p.getActualTypeArguments()[0];
                if (arg instanceof Class<?> cls) {
                    return (Class<I>) cls;
                }
                if (arg instanceof ParameterizedType pt) {
                    return (Class<I>) pt.getRawType();
                }
            }
        }
        throw new IllegalStateException(handlerClass.getName() + " must extend DurableHandler<I, O> with a concrete "
                + "input type, or pass the input type to the constructor");
    }
}
