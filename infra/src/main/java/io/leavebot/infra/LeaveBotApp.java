package io.leavebot.infra;

import software.amazon.awscdk.App;

/**
 * The CDK app: one {@link LeaveBotStack} built from the context ({@link LeaveBotProps#fromContext}). The CDK CLI runs
 * {@link #main} (see {@code cdk.json}); it synthesizes offline, without AWS credentials.
 */
public final class LeaveBotApp {
    /** The stack's name in CloudFormation, and the prefix of the workflow function's name. */
    public static final String STACK_NAME = "LeaveBot";

    private LeaveBotApp() {
    }

    /** Synthesizes the stack into {@code CDK_OUTDIR} (the CLI sets it; {@code cdk.out}). */
    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /**
     * Adds the stack to {@code app}.
     *
     * @throws StackInputException naming every context value that is missing or malformed
     */
    public static LeaveBotStack build(App app) {
        return new LeaveBotStack(app, STACK_NAME, LeaveBotProps.fromContext(app.getNode()::tryGetContext));
    }
}
