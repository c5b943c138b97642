package io.leavebot.durable.conformance;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/** The handler written for each conformance case, by case id; one class per suite fills it. */
final class CaseHandlers {
    private final Map<String, DurableHandler<?, ?>> byId = new TreeMap<>(CaseLoader::compareIds);
    private final Map<String, DurableHandler<?, ?>> targets = new TreeMap<>();

    static CaseHandlers all() {
        var handlers = new CaseHandlers();
        StepCases.register(handlers);
        WaitCases.register(handlers);
        CallbackCases.register(handlers);
        WaitForCallbackCases.register(handlers);
        ParallelCases.register(handlers);
        MapCases.register(handlers);
        InvokeCases.register(handlers);
        WaitForConditionCases.register(handlers);
        return handlers;
    }

    /** Registers the handler of case {@code id}: {@code body} gets the case's {@code Input} read as {@code inputType}. */
    <I, O> void add(String id, Class<I> inputType, BiFunction<I, DurableContext, O> body) {
        if (byId.putIfAbsent(id, new CaseHandler<>(inputType, body)) != null) {
            throw new IllegalStateException("two handlers for conformance case " + id);
        }
    }

    /** Registers a function that cases invoke (chained invoke): every case's engine runs it under {@code functionName}. */
    <I, O> void addTarget(String functionName, Class<I> inputType, BiFunction<I, DurableContext, O> body) {
        if (targets.putIfAbsent(functionName, new CaseHandler<>(inputType, body)) != null) {
            throw new IllegalStateException("two target functions named " + functionName);
        }
    }

    /** The functions cases invoke, by function name. */
    Map<String, DurableHandler<?, ?>> targets() {
        return Map.copyOf(targets);
    }

    Optional<DurableHandler<?, ?>> forCase(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    Set<String> ids() {
        return byId.keySet();
    }

    private static final class CaseHandler<I, O> extends DurableHandler<I, O> {
        private final BiFunction<I, DurableContext, O> body;

        CaseHandler(Class<I> inputType, BiFunction<I, DurableContext, O> body) {
            super(inputType);
            this.body = body;
        }

        @Override
        public O handleRequest(I input, DurableContext context) {
            return body.apply(input, context);
        }
    }
}
