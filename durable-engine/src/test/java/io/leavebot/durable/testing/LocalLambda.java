package io.leavebot.durable.testing;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.engine.DurableCredentials;
import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.durable.model.DurableExecution;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The durable REST façade on a random loopback port plus two callers pointed at it: a real AWS SDK
 * {@link LambdaClient} and our {@link AwsHttpCaller} (the façade's static test credentials, us-east-1, no retries
 * so every failure shows at once). Closing it stops both.
 */
public final class LocalLambda implements AutoCloseable {
    /** The key the façade accepts and {@link #lambda()} signs with. */
    public static final DurableCredentials CREDENTIALS = new DurableCredentials("AKIDLOCALTEST", "local-test-secret-0123456789");

    private final DurableRestServer server;
    private final LambdaClient lambda;
    private final AwsHttpCaller caller;

    private LocalLambda(DurableRestServer server) {
        this.server = server;
        this.lambda = client(server.uri(), CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey());
        this.caller = caller(server.uri(), CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey());
    }

    public static LocalLambda serving(EmbeddedEngine engine) {
        return new LocalLambda(DurableRestServer.builder(engine, CREDENTIALS).start());
    }

    public static LocalLambda serving(DurableService service, DurableClient client,
            BiFunction<String, Duration, DurableExecution> awaitClosed) {
        return new LocalLambda(DurableRestServer.builder(service, client, awaitClosed, CREDENTIALS).start());
    }

    /** A {@link LambdaClient} at {@code endpoint} signing with the given key; the caller closes it. */
    public static LambdaClient client(URI endpoint, String accessKeyId, String secretAccessKey) {
        return LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** An {@link AwsHttpCaller} for Lambda at {@code endpoint} signing with the given key, trying each call once. */
    public static AwsHttpCaller caller(URI endpoint, String accessKeyId, String secretAccessKey) {
        return AwsHttpCaller.builder("lambda", "us-east-1").endpoint(endpoint).maxAttempts(1)
                .credentials(AwsCredentials.of(accessKeyId, secretAccessKey))
                .build();
    }

    /** The AWS SDK's client, as an operator's tools reach the façade. */
    public LambdaClient lambda() {
        return lambda;
    }

    /** What {@code LambdaDurableService} and {@code LambdaDurableClient} call the façade through. */
    public AwsHttpCaller caller() {
        return caller;
    }

    /** Raw HTTP requests signed with {@link #CREDENTIALS}. */
    public SignedRequests signed() {
        return new SignedRequests(CREDENTIALS);
    }

    public URI uri() {
        return server.uri();
    }

    @Override
    public void close() {
        lambda.close();
        server.close();
    }
}
