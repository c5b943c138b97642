package io.leavebot.durable.lambda;

import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ServiceUnavailableException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Turns the Lambda API's refusals into the {@link DurableServiceException} that says what to do: throttling,
 * service faults and network failures are retryable, and so is a stale checkpoint token (a new invocation gets a
 * fresh one).
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
        } catch (AwsApiException e) {
            throw translate(e);
        } catch (UncheckedIOException e) {
            throw new ServiceUnavailableException("could not reach the Lambda API for " + action + ": "
                    + e.getMessage(), e);
        }
    }

    static DurableServiceException translate(AwsApiException e) {
        String message = e.getMessage();
        if (e.isRetryable()) {
            return new ServiceUnavailableException(message, e);
        }
        if (e.status() / 100 == 2) {
            return unreadable(message, e); // a 2xx answer whose body did not parse
        }
        String code = e.errorCode() == null ? "" : e.errorCode();
        return switch (code) {
            case "DurableExecutionAlreadyStartedException" -> new ExecutionAlreadyStartedException(message);
            case "CallbackTimeoutException" -> new CallbackClosedException(message);
            case "ResourceNotFoundException" -> new DurableServiceException.ResourceNotFoundException(message);
            case "InvalidParameterValueException" ->
                    message.regionMatches(true, 0, INVALID_TOKEN_PREFIX, 0, INVALID_TOKEN_PREFIX.length())
                            ? new InvalidCheckpointTokenException(message) : new InvalidParameterException(message);
            default -> new InvalidParameterException(message);
        };
    }

    /** An answer this runtime cannot read: retrying will not help, upgrading may. */
    static DurableServiceException unreadable(String message, Throwable cause) {
        return new DurableServiceException(message, false, cause);
    }
}
