package io.leavebot.durable.model;

/**
 * The answer to a start request.
 *
 * @param alreadyStarted true when a running execution with the same name and input was returned instead
 */
public record StartedExecution(String durableExecutionArn, boolean alreadyStarted) {
}
