package io.leavebot.durable;

/** A callback created with {@link DurableContext#createCallback}: hand out its id, then {@link #get()} the result. */
public interface DurableCallbackFuture<T> extends DurableFuture<T> {
    /** The id an outside caller uses to complete this callback; the same on every replay. */
    String callbackId();
}
