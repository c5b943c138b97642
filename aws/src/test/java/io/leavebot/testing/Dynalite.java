package io.leavebot.testing;

import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.store.DynamoDb;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real dynalite (DynamoDB stand-in, in memory) on a free loopback port, from the npm tools the build installs in
 * {@code tools/} (passed by surefire as {@code -Dleavebot.tools.dir}). Register it once per test class:
 * <pre>{@code @RegisterExtension static final Dynalite DYNALITE = new Dynalite();}</pre>
 * It starts before the class's tests and stops after them; {@link #dynamoDb()} talks to it as the functions do, and
 * {@link #client()}, the AWS SDK's client, creates tables and checks what the functions wrote. Its output is kept in
 * a temporary file and shown only when it fails to start. Outside JUnit, use {@link #start()} and {@link #close()}.
 */
public final class Dynalite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(25);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private NpmTool.Running server;
    private DynamoDbClient client;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Starts dynalite and waits until it reports that it listens; a port taken meanwhile is retried with another. */
    public Dynalite start() throws IOException, InterruptedException {
        // ready once dynalite says it listens: a successful connect alone could reach another program that took the
        // port between choosing it and dynalite's start
        server = NpmTool.startOnFreePort("dynalite", port -> List.of("--host", "127.0.0.1", "--port", String.valueOf(port),
                        "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"),
                (process, log, endpoint) -> NpmTool.awaitLine(process, log, "listening at", START_TIMEOUT, POLL),
                "it said nothing of listening within " + START_TIMEOUT);
        return this;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** The functions' DynamoDB client for this dynalite. */
    public DynamoDb dynamoDb() {
        return dynamoDbAt(endpoint());
    }

    /**
     * The functions' DynamoDB client at {@code endpoint} (dynalite, or a WireMock before it), with dummy credentials
     * in us-east-1 and its retries quick: {@code maxAttempts} in all, the first included.
     */
    public static DynamoDb dynamoDbAt(URI endpoint, int maxAttempts) {
        return new DynamoDb(AwsHttpCaller.builder("dynamodb", "us-east-1").endpoint(endpoint)
                .credentials(AwsCredentials.of("dummy", "dummy"))
                .maxAttempts(maxAttempts).backoff(Duration.ofMillis(1), Duration.ofMillis(1)).build());
    }

    static DynamoDb dynamoDbAt(URI endpoint) {
        return dynamoDbAt(endpoint, 3);
    }

    /** The AWS SDK's client for this dynalite (dummy credentials, us-east-1, the URL-connection HTTP client); closed with it. */
    public synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /** A table name not used before in this JVM, so each test can start from an empty table. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + TABLES.incrementAndGet();
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
