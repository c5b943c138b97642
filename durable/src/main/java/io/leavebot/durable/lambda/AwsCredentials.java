package io.leavebot.durable.lambda;

import java.util.Map;
import java.util.Objects;

/**
 * An AWS access key to sign with, and the session token that comes with a role's temporary key.
 * {@link #toString} shows the key id only.
 *
 * @param sessionToken null for a long-term key
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** A long-term key. */
    public static AwsCredentials of(String accessKeyId, String secretAccessKey) {
        return new AwsCredentials(accessKeyId, secretAccessKey, null);
    }

    /**
     * The key in {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}: where Lambda
     * puts the function role's credentials, for the life of the execution environment. (The SDK's default chain
     * also looks in profiles, containers and instance metadata; a Lambda function never needs them, and loading
     * that chain is a measurable part of a cold start.)
     *
     * @throws MissingException naming the variables when they are not set
     */
    public static AwsCredentials fromEnvironment(Map<String, String> environment) {
        String id = environment.get("AWS_ACCESS_KEY_ID");
        String secret = environment.get("AWS_SECRET_ACCESS_KEY");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new MissingException("no AWS credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not"
                    + " set (Lambda sets them, with AWS_SESSION_TOKEN, from the function's role)");
        }
        String token = environment.get("AWS_SESSION_TOKEN");
        return new AwsCredentials(id.trim(), secret.trim(), token == null || token.isBlank() ? null : token.trim());
    }

    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + (sessionToken == null ? "" : ", with a session token") + "]";
    }

    /** No key to sign with: a function's configuration is wrong, and stays so until it is fixed. */
    public static final class MissingException extends IllegalStateException {
        MissingException(String message) {
            super(message);
        }
    }
}
