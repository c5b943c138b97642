package io.leavebot.durable.model;

/** Status of one operation in the execution state. */
public enum OperationStatus {
    STARTED, PENDING, READY, SUCCEEDED, FAILED, CANCELLED, TIMED_OUT, STOPPED;

    /** True once the operation can no longer change. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == TIMED_OUT || this == STOPPED;
    }
}
