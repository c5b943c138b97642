package io.leavebot.infra;

import java.util.List;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Grant;
import software.amazon.awscdk.services.iam.GrantOnPrincipalOptions;
import software.amazon.awscdk.services.iam.IGrantable;

/**
 * The durable workflow function's name and ARNs, known before the function exists, and what may be done with them.
 *
 * <p>They are built from the name the stack gives the function, not read from the function: the workflow's
 * environment holds the decision pages' URL, so if the front ends' environment or policies referred to the
 * workflow function, CloudFormation would see a cycle (workflow → API's URL → API's function → its role's
 * policy → workflow). {@link DurableWorkflow} creates the function under {@link #functionName}.
 *
 * <p>Lambda authorizes the calls on durable executions against the execution's ARN, which extends the ARN of the
 * version it runs on ({@code function:<name>:<version>/durable-execution/…}, never an alias), hence
 * {@link #anyVersion}; listing executions is authorized against the function ARN exactly as the request names it
 * (the bot's client names it without qualifier), hence {@link #unqualified}.
 *
 * @param unqualified {@code arn:…:function:<name>}
 * @param alias       {@code arn:…:function:<name>:<alias>}, what the front ends invoke
 * @param anyVersion  {@code arn:…:function:<name>:*}, every version and so every execution of the function
 */
record WorkflowArns(String functionName, String aliasName, String unqualified, String alias, String anyVersion) {

    static WorkflowArns of(Stack stack, String functionName, String aliasName) {
        String function = stack.formatArn(ArnComponents.builder()
                .service("lambda").resource("function").resourceName(functionName)
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        return new WorkflowArns(functionName, aliasName, function, function + ":" + aliasName, function + ":*");
    }

    /**
     * What a front end calls: {@code Invoke} (starting an execution) on the alias only, reading executions while a
     * request is being recorded, and answering the approval callback (success approves, failure rejects or
     * withdraws; front ends send no heartbeat).
     */
    void grantStartAndAnswer(IGrantable frontEnd) {
        grant(frontEnd, List.of(alias), "lambda:InvokeFunction");
        grant(frontEnd, List.of(unqualified), "lambda:ListDurableExecutionsByFunction");
        grant(frontEnd, List.of(anyVersion), "lambda:GetDurableExecution",
                "lambda:SendDurableExecutionCallbackSuccess", "lambda:SendDurableExecutionCallbackFailure");
    }

    /** What the digest's schedule function calls: {@code Invoke} of the alias (starting a named execution), nothing else. */
    void grantStart(IGrantable starter) {
        grant(starter, List.of(alias), "lambda:InvokeFunction");
    }

    /** What the workflow function itself calls while it runs: checkpoints, and reading its own state back. */
    void grantCheckpoints(IGrantable workflow) {
        grant(workflow, List.of(anyVersion), "lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState");
    }

    private static void grant(IGrantable grantee, List<String> resources, String... actions) {
        Grant.addToPrincipal(GrantOnPrincipalOptions.builder()
                .grantee(grantee).actions(List.of(actions)).resourceArns(resources)
                .build());
    }
}
