package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.email.SesMailer;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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
record AwsClients(Region region, AwsCredentialsProvider credentials, URI dynamoDbEndpoint, URI sesEndpoint,
        URI lambdaEndpoint, URI secretsManagerEndpoint) {

    /** The region's own endpoints, signed with the default credentials chain (the function's role on Lambda). */
    static AwsClients inRegion(Region region) {
        return new AwsClients(region, DefaultCredentialsProvider.builder().build(), null, null, null, null);
    }

    DynamoDbClient dynamoDb() {
        return configured(DynamoDbClient.builder(), dynamoDbEndpoint).build();
    }

    /** The Lambda API, for the durable client: signed JSON over java.net.http, so no SDK Lambda client to load. */
    AwsHttpCaller lambda() {
        var lambda = AwsHttpCaller.builder("lambda", region.id()).credentials(credentials)
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

    /** Reads the secret through a caller made for this one call: the functions read it once, when they start. */
    Secrets secrets(String secretArn) {
        return Secrets.read(AwsHttpCaller.builder("secretsmanager", region.id()).serviceId("Secrets Manager")
                .endpoint(secretsManagerEndpoint)
                .credentials(credentials).connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(30))
                .build(), secretArn);
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder, URI endpoint) {
        builder.region(region).credentialsProvider(credentials).httpClientBuilder(UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(5))
                .socketTimeout(Duration.ofSeconds(30)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }
}
