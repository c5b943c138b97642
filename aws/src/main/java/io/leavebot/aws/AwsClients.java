package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.email.SesMailer;
import io.leavebot.store.DynamoDb;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Makes the AWS clients the functions use. DynamoDB, Lambda, SES and Secrets Manager are all called over
 * {@link AwsHttpCaller}, signed by LeaveBot itself: no part of the AWS SDK, which would weigh on every cold start. On AWS they call the region's endpoints with the function role's credentials ({@link #inRegion}); tests
 * point each service at a local stand-in.
 * Each method makes a new client: a function makes each once, when it starts.
 *
 * @param dynamoDbEndpoint       another DynamoDB endpoint, or null for the region's
 * @param sesEndpoint            another SES v2 endpoint, or null for the region's
 * @param lambdaEndpoint         another Lambda endpoint, or null for the region's
 * @param secretsManagerEndpoint another Secrets Manager endpoint, or null for the region's
 */
record AwsClients(String region, AwsCredentials credentials, URI dynamoDbEndpoint, URI sesEndpoint,
        URI lambdaEndpoint, URI secretsManagerEndpoint) {

    /** The region's own endpoints, signed with the function role's credentials that Lambda puts in the environment. */
    static AwsClients inRegion(String region) {
        return new AwsClients(region, AwsCredentials.fromEnvironment(System.getenv()), null, null, null, null);
    }

    /**
     * DynamoDB as the stores call it, retried as the SDK's DynamoDB client retries in its newer mode (4 attempts,
     * backoff from 25 ms; its legacy mode makes 9): single-item calls are quick, so a fault is worth retrying sooner.
     */
    DynamoDb dynamoDb() {
        var dynamoDb = AwsHttpCaller.builder("dynamodb", region).credentials(credentials)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30))
                .maxAttempts(4)
                .backoff(Duration.ofMillis(25), Duration.ofSeconds(1));
        if (dynamoDbEndpoint != null) {
            dynamoDb.endpoint(dynamoDbEndpoint);
        }
        return new DynamoDb(dynamoDb.build());
    }

    /** The Lambda API, for the durable client: signed JSON over the JDK's HttpURLConnection ({@code io.leavebot.net.PlainHttp}), so no SDK Lambda client to load. */
    AwsHttpCaller lambda() {
        var lambda = AwsHttpCaller.builder("lambda", region).credentials(credentials)
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(30));
        if (lambdaEndpoint != null) {
            lambda.endpoint(lambdaEndpoint);
        }
        return lambda.build();
    }

    SesMailer mailer() {
        return new SesMailer(region, sesEndpoint, credentials);
    }

    /**
     * Starts reading the secret on another thread and gives what waits for it: the round trip to Secrets Manager, and
     * the HTTP, TLS and signing classes it is the first to load, overlap the store's start, the other long part of a
     * cold start. The getter throws what reading threw.
     */
    Supplier<Secrets> secretsSoon(String secretArn) {
        return Soon.start("secret-read", () -> secrets(secretArn));
    }

    /** Reads the secret through a caller made for this one call: the functions read it once, when they start. */
    Secrets secrets(String secretArn) {
        return Secrets.read(AwsHttpCaller.builder("secretsmanager", region).serviceId("Secrets Manager")
                .endpoint(secretsManagerEndpoint)
                .credentials(credentials).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30))
                .build(), secretArn);
    }
}
