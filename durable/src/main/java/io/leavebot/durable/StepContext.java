package io.leavebot.durable;

/** What a step body may use: its attempt number and a logger. Durable operations cannot be started from here. */
public interface StepContext {
    /** The attempt running now, counted from 1. */
    int attempt();

    DurableLogger logger();

    String executionArn();
}
