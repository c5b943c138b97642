/**
 * The AWS composition root: the Lambda handler classes ({@link io.leavebot.aws.WorkflowFunction},
 * {@link io.leavebot.aws.ApiFunction}) read their settings and secret once per container and wire LeaveBot onto
 * DynamoDB, SES and Lambda durable functions.
 */
package io.leavebot.aws;
