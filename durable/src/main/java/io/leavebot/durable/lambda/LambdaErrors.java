package io.leavebot.durable.lambda;

import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ServiceUnavailableException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.model.CallbackTimeoutException;
import software.amazon.awssdk.services.lambda.model.DurableExecutionAlreadyStartedException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Turns what the AWS SDK throws into the {@link DurableServiceException} that says what to do: throttling, service
 * faults and network failures are retryable, and so is a stale checkpoint token (a new invocation gets a fresh one).
 */
final class LambdaErrors {
    /** How the service words a stale token (InvalidParameterValueException); the SDKs match on this prefix. */
    static final String INVALID_TOKEN_PREFIX = "Invalid Checkpoint Token";

    private LambdaErrors() {
    }

    /** Runs one Lambda API call and translates its failure; {@code action} names the API for network errors. */
    static <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(action, e);
        }
    }

    static DurableServiceException translate(String action, SdkException e) {
        if (e instanceof SdkServiceException service) {
            return translate(service);
        }
        if (e instanceof SdkClientException) {
            return new ServiceUnavailableException("could not reach the Lambda API for " + action + ": " + e.getMessage(), e);
        }
        return new ServiceUnavailableException("the AWS SDK failed during " + action + ": " + e.getMessage(), e);
    }

    private static DurableServiceException translate(SdkServiceException e) {
        String message = messageOf(e);
        int status = e.statusCode();
        if (status == 429 || status >= 500) {
            return new ServiceUnavailableException(message, e);
        }
        if (e instanceof DurableExecutionAlreadyStartedException) {
            return new ExecutionAlreadyStartedException(message);
        }
        if (e instanceof CallbackTimeoutException) {
            return new CallbackClosedException(message);
        }
        if (e instanceof ResourceNotFoundException) {
            return new DurableServiceException.ResourceNotFoundException(message);
        }
        if ("InvalidParameterValueException".equals(errorCode(e))
                && message.regionMatches(true, 0, INVALID_TOKEN_PREFIX, 0, INVALID_TOKEN_PREFIX.length())) {
            return new InvalidCheckpointTokenException(message);
        }
        return new InvalidParameterException(message);
    }

    private static String errorCode(SdkServiceException e) {
        return e instanceof AwsServiceException aws && aws.awsErrorDetails() != null ? aws.awsErrorDetails().errorCode() : null;
    }

    /** The service's own message, without the SDK's "(Service: …, Status Code: …)" suffix. */
    private static String messageOf(SdkServiceException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return e.getMessage() == null ? "Lambda answered HTTP " + e.statusCode() : e.getMessage();
    }
}
