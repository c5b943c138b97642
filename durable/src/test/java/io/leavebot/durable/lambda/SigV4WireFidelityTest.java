package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.leavebot.durable.sigv4.SigV4;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * {@link AwsHttpCaller}'s signatures against the AWS SDK's own signer ({@code AwsV4HttpSigner}) on the same request at
 * the same instant, and its endpoints' domains against the SDK's partition table.
 */
class SigV4WireFidelityTest {
    static final Instant AT = Instant.parse("2026-12-03T06:15:30Z");

    @Test
    void aPostWithAJsonBodyIsSignedAsTheSdkSignsIt() {
        assertSignedAsTheSdkSigns("POST", URI.create("https://dynamodb.eu-west-1.amazonaws.com/"),
                Map.of("content-type", "application/x-amz-json-1.0", "x-amz-target", "DynamoDB_20120810.PutItem"),
                "{\"TableName\":\"leave\",\"Item\":{\"pk\":{\"S\":\"a b/ü\"}}}", AwsCredentials.of("AKIDEXAMPLE",
                        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    @Test
    void aGetWithAnEncodedArnAQueryAPortAndASessionTokenIsSignedAsTheSdkSignsIt() {
        String arn = AwsRequest.segment("arn:aws:lambda:eu-west-1:123:function:leave:$LATEST/durable-execution/e 1/+x");
        assertSignedAsTheSdkSigns("GET", URI.create("http://127.0.0.1:9014/2025-12-01/durable-executions/" + arn
                        + "/history?Marker=m%201%2B2&MaxItems=5&IncludeExecutionData=true"), Map.of(), null,
                new AwsCredentials("ASIAEXAMPLE", "secret/with+chars", "FwoGZXIvYXdzEJr//token=="));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eu-west-1", "us-east-1", "us-gov-west-1", "cn-north-1", "cn-northwest-1", "us-iso-east-1",
            "us-isob-east-1", "eu-isoe-west-1", "us-isof-south-1", "ap-southeast-5", "mx-central-1"})
    void regionsAreInThePartitionTheSdkPutsThemIn(String region) {
        assertEquals(RegionMetadata.of(Region.of(region)).domain(), AwsHttpCaller.partitionDomain(region));
    }

    /**
     * Signs with {@link SigV4#authorization} the headers {@link AwsHttpCaller} adds (host, payload hash, date, token)
     * and with the SDK's signer, which adds its own.
     */
    private static void assertSignedAsTheSdkSigns(String method, URI uri, Map<String, String> extraHeaders, String body,
            AwsCredentials key) {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        var unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri);
        extraHeaders.forEach(unsigned::putHeader);
        var identity = key.sessionToken() == null
                ? AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())
                : AwsSessionCredentials.create(key.accessKeyId(), key.secretAccessKey(), key.sessionToken());
        SdkHttpRequest sdk = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(bytes == null ? null : ContentStreamProvider.fromByteArrayUnsafe(bytes))
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(AT, ZoneOffset.UTC))
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")).request();

        var ours = new TreeMap<String, List<String>>();
        extraHeaders.forEach((name, value) -> ours.put(name, List.of(value)));
        ours.put("host", List.of(uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort()));
        ours.put("x-amz-content-sha256", List.of(SigV4.hex(SigV4.sha256(bytes))));
        ours.put("x-amz-date", List.of(SigV4.AMZ_DATE.format(AT)));
        if (key.sessionToken() != null) {
            ours.put("x-amz-security-token", List.of(key.sessionToken()));
        }
        var sdkHeaders = new TreeMap<String, List<String>>();
        sdk.forEachHeader((name, values) -> sdkHeaders.put(name.toLowerCase(), values));
        sdkHeaders.remove("authorization");
        assertEquals(sdkHeaders, ours, "the SDK signs these headers");
        assertEquals(sdk.firstMatchingHeader("Authorization").orElseThrow(),
                SigV4.authorization(method, uri, ours, bytes, key.accessKeyId(), key.secretAccessKey(),
                "eu-west-1", "lambda", AT));
    }
}
