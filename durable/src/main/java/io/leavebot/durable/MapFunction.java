package io.leavebot.durable;

/** The work {@code map} does for one item; {@code context} is the iteration's own child context. */
@FunctionalInterface
public interface MapFunction<I, O> {
    O apply(I item, int index, DurableContext context);
}
