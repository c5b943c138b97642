package io.leavebot.durable.testing;

import io.leavebot.durable.engine.DurableCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Raw HTTP requests to the durable REST façade, signed by the AWS SDK's own SigV4 signer (as {@code LambdaClient}
 * signs: service {@code lambda}, path encoded twice), for requests the SDK would not send: bad query values, a
 * body other than the signed one, a signature from another time.
 */
public final class SignedRequests {
    /** Headers Java's HttpClient sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length");

    private final HttpClient http = HttpClient.newHttpClient();
    private final DurableCredentials credentials;

    public SignedRequests(DurableCredentials credentials) {
        this.credentials = credentials;
    }

    /** Signs {@code method uri body} now and sends it. */
    public HttpResponse<String> send(String method, URI uri, String body) {
        return send(method, uri, body, Clock.systemUTC(), body, UnaryOperator.identity());
    }

    /**
     * Signs {@code signedBody} at {@code clock}'s time, then sends {@code sentBody} with the signed headers after
     * {@code editAuthorization} (which may spoil the Authorization header).
     */
    public HttpResponse<String> send(String method, URI uri, String signedBody, Clock clock, String sentBody,
            UnaryOperator<String> editAuthorization) {
        var signed = sign(method, uri, signedBody, clock);
        var request = HttpRequest.newBuilder(uri).method(method, sentBody == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(sentBody));
        signed.forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                String value = values.get(0);
                request.header(name, name.equalsIgnoreCase("Authorization") ? editAuthorization.apply(value) : value);
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Map<String, List<String>> sign(String method, URI uri, String body, Clock clock) {
        var unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
        var result = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey()))
                .request(unsigned)
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return result.request().headers();
    }
}
