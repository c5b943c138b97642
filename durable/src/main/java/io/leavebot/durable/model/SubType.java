package io.leavebot.durable.model;

/** The {@code SubType} strings the SDKs put on operations. */
public final class SubType {
    public static final String STEP = "Step";
    public static final String WAIT_FOR_CONDITION = "WaitForCondition";
    public static final String WAIT = "Wait";
    public static final String CALLBACK = "Callback";
    public static final String RUN_IN_CHILD_CONTEXT = "RunInChildContext";
    public static final String WAIT_FOR_CALLBACK = "WaitForCallback";
    public static final String PARALLEL = "Parallel";
    public static final String PARALLEL_BRANCH = "ParallelBranch";
    public static final String MAP = "Map";
    public static final String MAP_ITERATION = "MapIteration";
    public static final String CHAINED_INVOKE = "ChainedInvoke";

    private SubType() {
    }
}
