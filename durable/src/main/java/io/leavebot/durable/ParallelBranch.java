package io.leavebot.durable;

import java.util.Objects;
import java.util.function.Function;

/**
 * One branch of {@code parallel}: a function run in a child context of its own, its result type, an optional
 * name, and an optional {@link SerDes} for its result (null: the handler's).
 */
public record ParallelBranch<T>(String name, Class<T> type, Function<DurableContext, T> body, SerDes serDes) {

    public ParallelBranch {
        Validation.operationName(name);
        Objects.requireNonNull(type, "result type");
        Objects.requireNonNull(body, "branch function");
    }

    public static <T> ParallelBranch<T> of(Class<T> type, Function<DurableContext, T> body) {
        return new ParallelBranch<>(null, type, body, null);
    }

    public static <T> ParallelBranch<T> of(String name, Class<T> type, Function<DurableContext, T> body) {
        return new ParallelBranch<>(name, type, body, null);
    }

    public ParallelBranch<T> withSerDes(SerDes value) {
        return new ParallelBranch<>(name, type, body, value);
    }
}
