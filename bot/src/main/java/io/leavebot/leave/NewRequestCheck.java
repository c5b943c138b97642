package io.leavebot.leave;

/** What every {@link LeaveStore} adapter requires of a request before it records it. */
public final class NewRequestCheck {
    private NewRequestCheck() {
    }

    /** @throws IllegalArgumentException naming the first missing part, or when the request is not PENDING */
    public static LeaveRequest require(LeaveRequest r) {
        need(r.id(), "id");
        need(r.employee(), "employee");
        need(r.chain(), "approval chain");
        need(r.type(), "type");
        need(r.start(), "start");
        need(r.end(), "end");
        need(r.createdAt(), "createdAt");
        need(r.updatedAt(), "updatedAt");
        need(r.executionName(), "executionName");
        if (r.status() != LeaveStatus.PENDING) {
            throw new IllegalArgumentException("a new leave request must be PENDING, but " + r.id() + " is " + r.status());
        }
        return r;
    }

    /** @throws IllegalArgumentException when {@code to} is not a final status */
    public static void requireFinal(LeaveStatus to) {
        if (to == null || !to.isFinal()) {
            throw new IllegalArgumentException("a request can only be decided to a final status, not " + to);
        }
    }

    private static void need(Object value, String part) {
        if (value == null) {
            throw new IllegalArgumentException("cannot record a leave request without its " + part);
        }
    }
}
