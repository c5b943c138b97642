package io.leavebot.durable.model;

/** Status of a whole execution, as the control-plane APIs report it. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, STOPPED;

    public boolean isClosed() {
        return this != RUNNING;
    }
}
