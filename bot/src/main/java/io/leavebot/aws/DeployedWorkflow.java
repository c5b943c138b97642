package io.leavebot.aws;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.StartedExecution;
import io.leavebot.workflow.LeaveRequests;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The AWS front ends' durable client: {@link LambdaDurableClient} for the deployed workflow function. Front ends
 * name the workflow {@link LeaveRequests#FUNCTION}, as the embedded engine registers it; on AWS the function has a
 * name the stack chose and is invoked through an alias, so calls that name {@link LeaveRequests#FUNCTION} go to
 * that alias instead (a name {@code LambdaDurableClient} does not know would reach Lambda unchanged).
 */
final class DeployedWorkflow implements DurableClient {
    private final DurableClient lambda;
    private final String function;

    /** @param function the workflow's alias ARN (or name, or ARN), from {@link AwsSettings#workflowFunction()} */
    DeployedWorkflow(LambdaClient lambda, String function) {
        this.lambda = new LambdaDurableClient(lambda, function);
        this.function = function;
    }

    @Override
    public StartedExecution start(String functionName, String executionName, String inputJson) {
        return lambda.start(deployed(functionName), executionName, inputJson);
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        return lambda.listExecutions(deployed(functionName), query);
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        lambda.succeedCallback(callbackId, resultJson);
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        lambda.failCallback(callbackId, error);
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        lambda.heartbeatCallback(callbackId);
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        return lambda.getExecution(executionArn);
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        lambda.stopExecution(executionArn, reason);
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        return lambda.getHistory(executionArn, marker, maxItems);
    }

    private String deployed(String functionName) {
        return LeaveRequests.FUNCTION.equals(functionName) ? function : functionName;
    }
}
