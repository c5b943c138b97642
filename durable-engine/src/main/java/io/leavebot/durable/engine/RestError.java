package io.leavebot.durable.engine;

import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.ExecutionAlreadyStartedException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.DurableServiceException.ServiceUnavailableException;

/**
 * An answer of the REST façade that is an error, in Lambda's terms: HTTP status, error code (the SDK picks the
 * exception class from it) and a message for the caller. Route code throws it; {@link DurableRestServer} renders it.
 */
final class RestError extends RuntimeException {
    static final String INVALID_PARAMETER = "InvalidParameterValueException";
    static final String NOT_FOUND = "ResourceNotFoundException";
    static final String CALLBACK_CLOSED = "CallbackTimeoutException";
    static final String ALREADY_STARTED = "DurableExecutionAlreadyStartedException";
    static final String TOO_MANY_REQUESTS = "TooManyRequestsException";
    static final String SERVICE = "ServiceException";
    /** How Lambda words a stale token; SDKs recognise the retryable case by this prefix. */
    static final String INVALID_TOKEN_PREFIX = "Invalid Checkpoint Token";

    final int status;
    final String code;

    RestError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static RestError invalid(String message) {
        return new RestError(400, INVALID_PARAMETER, message);
    }

    /**
     * The answer for an exception from the ports: each {@link DurableServiceException} maps to the Lambda error
     * that the AWS SDK (and our {@code LambdaDurableClient}) turn back into the same exception; an
     * {@link IllegalArgumentException} is a refused argument. Anything else is not an answer: null.
     */
    static RestError from(RuntimeException e) {
        String message = e.getMessage() == null ? "the request was refused" : e.getMessage();
        if (e instanceof InvalidCheckpointTokenException) {
            boolean worded = message.regionMatches(true, 0, INVALID_TOKEN_PREFIX, 0, INVALID_TOKEN_PREFIX.length());
            return invalid(worded ? message : INVALID_TOKEN_PREFIX + ": " + message);
        }
        if (e instanceof InvalidParameterException || e instanceof IllegalArgumentException) {
            return invalid(message);
        }
        if (e instanceof ResourceNotFoundException) {
            return new RestError(404, NOT_FOUND, message);
        }
        if (e instanceof CallbackClosedException) {
            return new RestError(400, CALLBACK_CLOSED, message);
        }
        if (e instanceof ExecutionAlreadyStartedException) {
            return new RestError(409, ALREADY_STARTED, message);
        }
        if (e instanceof ServiceUnavailableException) {
            return new RestError(429, TOO_MANY_REQUESTS, message);
        }
        if (e instanceof DurableServiceException other) {
            return other.isRetryable() ? new RestError(500, SERVICE, message) : invalid(message);
        }
        return null;
    }

    /** For failures that are bugs: the caller gets a request id to quote, the log gets the details. */
    static RestError internal(String requestId) {
        return new RestError(500, SERVICE, "the embedded durable service failed unexpectedly; its log has the "
                + "details under request id " + requestId);
    }
}
