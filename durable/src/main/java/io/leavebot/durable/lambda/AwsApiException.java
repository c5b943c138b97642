package io.leavebot.durable.lambda;

/**
 * An AWS API's refusal, as it answered: the HTTP status, the AWS error code (such as {@code ThrottlingException};
 * null when the answer named none) and the service's own message.
 */
public final class AwsApiException extends RuntimeException {
    private final int status;
    private final String errorCode;
    private final String requestId;

    public AwsApiException(int status, String errorCode, String message, String requestId) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The service's id for the request ({@code x-amzn-RequestId}), for a support case; may be null. */
    public String requestId() {
        return requestId;
    }

    /** Throttling or a fault on the service's side: the same call may succeed later. */
    public boolean isRetryable() {
        return status == 429 || status >= 500 || AwsRetries.isThrottling(errorCode) || AwsRetries.isTransient(errorCode);
    }
}
