package io.leavebot.leave;

/** Where a leave request stands. Only PENDING may change, and only once. */
public enum LeaveStatus {
    PENDING, APPROVED, REJECTED, EXPIRED, CANCELLED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
