package io.leavebot.durable.testing;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
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
 * The durable REST façade on a random loopback port plus a real AWS SDK {@link LambdaClient} pointed at it (fake
 * static credentials, us-east-1, no SDK retries so every failure shows at once). Closing it stops both.
 */
public final class LocalLambda implements AutoCloseable {
    private final DurableRestServer server;
    private final LambdaClient lambda;

    private LocalLambda(DurableRestServer server) {
        this.server = server;
        this.lambda = LambdaClient.builder()
                .endpointOverride(server.uri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-secret")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    public static LocalLambda serving(EmbeddedEngine engine) {
        return new LocalLambda(DurableRestServer.builder(engine).start());
    }

    public static LocalLambda serving(DurableService service, DurableClient client,
            BiFunction<String, Duration, DurableExecution> awaitClosed) {
        return new LocalLambda(DurableRestServer.builder(service, client, awaitClosed).start());
    }

    public LambdaClient lambda() {
        return lambda;
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
