package io.leavebot.durable.testing;

import io.leavebot.durable.DurableConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import java.util.function.BiFunction;

/** A durable handler whose body is a lambda, so each test states its workflow inline. */
public final class FunctionHandler<I, O> extends DurableHandler<I, O> {
    private final BiFunction<I, DurableContext, O> body;

    private FunctionHandler(Class<I> inputType, BiFunction<I, DurableContext, O> body) {
        super(inputType);
        this.body = body;
    }

    public static <I, O> FunctionHandler<I, O> of(Class<I> inputType, BiFunction<I, DurableContext, O> body) {
        return new FunctionHandler<>(inputType, body);
    }

    @Override
    public O handleRequest(I input, DurableContext context) {
        return body.apply(input, context);
    }

    @Override
    protected DurableConfig configuration() {
        return DurableConfig.DEFAULT; // the service comes from the invocation context
    }
}
