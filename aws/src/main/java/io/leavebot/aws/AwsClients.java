package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.email.SesMailer;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Makes the AWS clients the functions use. DynamoDB is the SDK's client on the URL-connection HTTP client (the
 * lightest to start); Lambda, SES and Secrets Manager are called over {@link AwsHttpCaller} (the SDK's signer and
 * credentials, not its service clients, which would weigh on every cold start). On AWS they call the region's
 * endpoints with the function role's credentials ({@link #inRegion}); tests point each service at a local stand-in.
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

    DynamoDbClient dynamoDb() {
        return configured(DynamoDbClient.builder(), dynamoDbEndpoint).build();
    }

    /** The Lambda API, for the durable client: signed JSON over java.net.http, so no SDK Lambda client to load. */
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
     * the HTTP, TLS and signing classes it is the first to load, overlap the DynamoDB client's start, the other long
     * part of a cold start. The getter throws what reading threw.
     */
    Supplier<Secrets> secretsSoon(String secretArn) {
        CompletableFuture<Secrets> reading = CompletableFuture.supplyAsync(() -> secrets(secretArn));
        return () -> {
            try {
                return reading.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        };
    }

    /** Reads the secret through a caller made for this one call: the functions read it once, when they start. */
    Secrets secrets(String secretArn) {
        return Secrets.read(AwsHttpCaller.builder("secretsmanager", region).serviceId("Secrets Manager")
                .endpoint(secretsManagerEndpoint)
                .credentials(credentials).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30))
                .build(), secretArn);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder, URI endpoint) {
        var key = credentials.sessionToken() == null
                ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        builder.region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(key)).httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
