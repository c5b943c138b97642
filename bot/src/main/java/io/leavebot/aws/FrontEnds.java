package io.leavebot.aws;

import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.workflow.LeaveRequests;
import java.time.Clock;

/** What the AWS front ends (the web pages and API, Slack) share: {@link LeaveRequests} over DynamoDB and Lambda. */
final class FrontEnds {
    private FrontEnds() {
    }

    /**
     * Validates and routes with the settings' policy and approvers, reads requests from the leave table, and starts
     * and answers executions of the deployed workflow function.
     */
    static LeaveRequests leaveRequests(AwsSettings settings, AwsClients aws, Clock clock) {
        LeavePolicy policy = settings.policy();
        var store = new DynamoDbLeaveStore(aws.dynamoDb(), settings.leavesTable());
        var lambda = new LambdaDurableClient(aws.lambda(), settings.workflowFunction());
        return new LeaveRequests(store, lambda, settings.workflowFunction(), new LeaveValidator(policy), settings.routing(), clock);
    }
}
