package io.leavebot.durable;

/** Hands a callback id to the outside world (send a message, an e-mail…); runs as a step, with retries. */
@FunctionalInterface
public interface CallbackSubmitter {
    void submit(String callbackId, StepContext step);
}
