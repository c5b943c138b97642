package io.leavebot.durable.model;

/** The {@code SubType} strings the SDKs put on operations. */
public final class SubType {
    public static final String STEP = "Step";
    public static final String WAIT_FOR_CONDITION = "WaitForCondition";
    public static final String WAIT = "Wait";
    public static final String CALLBACK = "Callback";
    public static final String RUN_IN_CHILD_CONTEXT = "RunInChildContext";
    public static final String WAIT_FOR_CALLBACK = "WaitForCallback";

    private SubType() {
    }
}
