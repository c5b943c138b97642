/**
 * The AWS composition root: the Lambda handler classes ({@link io.leavebot.aws.WorkflowFunction},
 * {@link io.leavebot.aws.ApiFunction}, {@link io.leavebot.aws.SlackFunction}) read their settings and secret once
 * per container and wire LeaveBot onto DynamoDB, SES, Lambda durable functions and Slack.
 */
package io.leavebot.aws;
