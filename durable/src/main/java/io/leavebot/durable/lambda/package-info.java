/** The durable ports over the AWS SDK {@code LambdaClient}: checkpointing for handlers, and the client for callers. */
package io.leavebot.durable.lambda;
