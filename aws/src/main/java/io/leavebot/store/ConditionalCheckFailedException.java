package io.leavebot.store;

import io.leavebot.durable.lambda.AwsApiException;

/**
 * DynamoDB did not write: the request's {@code ConditionExpression} was false for the item as stored. The stores
 * catch it where a failed condition is an answer (the first write stands, the request is no longer PENDING). The
 * refusal as DynamoDB sent it is the cause, so it is never taken for a failure that may pass.
 */
public final class ConditionalCheckFailedException extends RuntimeException {
    /** DynamoDB's error code for it. */
    static final String ERROR_CODE = "ConditionalCheckFailedException";

    ConditionalCheckFailedException(String message, AwsApiException refusal) {
        super(message, refusal);
    }
}
