package io.leavebot.http;

/** How an unexpected failure is logged: one line, the type and where it was thrown, never its message. */
final class Failures {
    private Failures() {
    }

    /**
     * {@code IllegalStateException at io.leavebot.workflow.LeaveRequests.submit(LeaveRequests.java:80)}. The message
     * is left out because it can hold what must not reach a log: callback ids (which decide a request), addresses.
     */
    static String describe(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return e.getClass().getName() + (stack.length == 0 ? "" : " at " + stack[0]);
    }
}
