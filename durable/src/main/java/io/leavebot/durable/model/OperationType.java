package io.leavebot.durable.model;

/** Kinds of durable operation, as the service names them. */
public enum OperationType { EXECUTION, CONTEXT, STEP, WAIT, CALLBACK, CHAINED_INVOKE }
