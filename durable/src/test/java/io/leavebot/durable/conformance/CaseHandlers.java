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

    static CaseHandlers all() {
        var handlers = new CaseHandlers();
        StepCases.register(handlers);
        WaitCases.register(handlers);
        CallbackCases.register(handlers);
        WaitForCallbackCases.register(handlers);
        WaitForConditionCases.register(handlers);
        return handlers;
    }

    /** Registers the handler of case {@code id}: {@code body} gets the case's {@code Input} read as {@code inputType}. */
    <I, O> void add(String id, Class<I> inputType, BiFunction<I, DurableContext, O> body) {
        if (byId.putIfAbsent(id, new CaseHandler<>(inputType, body)) != null) {
            throw new IllegalStateException("two handlers for conformance case " + id);
        }
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
