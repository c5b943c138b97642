package io.leavebot.aws;

import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.store.DynamoDbLeaveStore;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.workflow.AwayPeriods;
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

    /**
     * Approvers' away periods and stand-ins in the leave table. Nothing is told of a change yet: asking waiting
     * requests again when an approver goes away is the workflow's part of issue 12, wired here once it exists.
     */
    static AwayPeriods awayPeriods(AwsSettings settings, AwsClients aws, Clock clock) {
        var store = new DynamoDbLeaveStore(aws.dynamoDb(), settings.leavesTable());
        // "today" is the deployment's; the Slack and Teams functions' clocks are in its zone already
        Clock today = clock.getZone().equals(settings.zone()) ? clock : clock.withZone(settings.zone());
        return new AwayPeriods(store, store, today, approver -> { });
    }
}
