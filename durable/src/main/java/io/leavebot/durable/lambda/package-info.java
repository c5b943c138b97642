/**
 * The durable ports over the Lambda API, called as signed JSON over {@code java.net.http} ({@link
 * io.leavebot.durable.lambda.AwsHttpCaller}) rather than through the AWS SDK's Lambda client: checkpointing for
 * handlers, and the client for callers.
 */
package io.leavebot.durable.lambda;
