package io.leavebot.durable.model;

/** The {@code Status} a durable handler returns for one invocation. */
public enum InvocationStatus { SUCCEEDED, FAILED, PENDING }
