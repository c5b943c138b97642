package io.leavebot.bench.peers;

/** One system under test, running the benchmark workflow; its steps report to the {@link Probe} it was given. */
interface Subject extends AutoCloseable {
    /** The processes outside this JVM that do the system's work (each with its children), for its CPU time. */
    default java.util.List<Long> serverProcesses() {
        return java.util.List.of();
    }

    /** Starts an execution of the workflow named {@code execution} (unique in the run). */
    void start(String execution) throws Exception;

    /** Resolves a callback the workflow handed out, as an outside caller would, with the decision "approved". */
    void resolve(String token) throws Exception;

    /** Waits until {@code execution} has ended and fails unless its result is the decision. */
    void verifyFinished(String execution) throws Exception;

    @Override
    void close() throws java.io.IOException;
}
