package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Compares two recorded AWS calls, one made by the SDK's own service client and one by ours, for what the service
 * reads: method, path and query, {@code Content-Type}, {@code X-Amz-Target}, the JSON body as a tree (key order
 * aside), and a SigV4 {@code Authorization} for the same key, region and service. Ours is also signed again here
 * with the SDK's signer at its own {@code X-Amz-Date}: a body or header changed after signing fails that check.
 */
public final class SignedWire {
    /** The key both clients sign with in the wire tests. */
    public static final AwsBasicCredentials KEY = AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SignedWire() {
    }

    /** {@code ours} says to the service what {@code sdk} says, signed for {@code service} in {@code region}. */
    public static void assertSameCall(LoggedRequest sdk, LoggedRequest ours, String region, String service) {
        assertEquals(sdk.getMethod(), ours.getMethod(), "method");
        assertEquals(sdk.getUrl(), ours.getUrl(), "path and query");
        assertEquals(mediaType(sdk.getHeader("Content-Type")), mediaType(ours.getHeader("Content-Type")), "Content-Type");
        assertEquals(sdk.getHeader("X-Amz-Target"), ours.getHeader("X-Amz-Target"), "X-Amz-Target");
        assertEquals(tree(sdk), tree(ours), "JSON body");
        for (LoggedRequest request : List.of(sdk, ours)) {
            Matcher auth = authorization(request);
            assertEquals(List.of(KEY.accessKeyId(), region, service),
                    List.of(auth.group(1), auth.group(3), auth.group(4)), "credential scope");
            assertTrue(Arrays.asList(auth.group(5).split(";")).containsAll(List.of("host", "x-amz-date")), auth.group(5));
        }
        assertEquals(authorization(ours).group(6), signatureAgain(ours, region, service), "our signature, computed again");
    }

    private static Matcher authorization(LoggedRequest request) {
        String header = request.getHeader("Authorization");
        Matcher auth = AUTHORIZATION.matcher(header == null ? "" : header);
        assertTrue(auth.matches(), "not a SigV4 Authorization: " + header);
        return auth;
    }

    /** The SDK's signature for the signed headers and the body as they arrived, at the request's own time. */
    private static String signatureAgain(LoggedRequest request, String region, String service) {
        Matcher auth = authorization(request);
        var arrived = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(request.getMethod().getName()))
                .uri(URI.create(request.getAbsoluteUrl()));
        for (String name : auth.group(5).split(";")) {
            if (!name.equals("x-amz-date")) { // the signer adds it again, from the clock below
                arrived.putHeader(name, request.getHeader(name));
            }
        }
        Instant at = AMZ_DATE.parse(request.getHeader("X-Amz-Date"), Instant::from);
        String signed = AwsV4HttpSigner.create().sign(r -> r.identity(KEY).request(arrived.build())
                .payload(ContentStreamProvider.fromByteArray(request.getBody()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request().firstMatchingHeader("Authorization").orElseThrow();
        Matcher again = AUTHORIZATION.matcher(signed);
        assertTrue(again.matches(), signed);
        assertEquals(auth.group(5), again.group(5), "signed headers");
        return again.group(6);
    }

    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";")[0].trim().toLowerCase();
    }

    private static JsonNode tree(LoggedRequest request) {
        try {
            return JSON.readTree(request.getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + request.getBodyAsString(), e);
        }
    }
}
