package io.leavebot.durable.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The verifier against requests signed by hand from canonical requests written out here, so these cases do not
 * depend on {@link io.leavebot.durable.sigv4.SigV4}: the body is hashed when no {@code x-amz-content-sha256} is sent (as the AWS
 * CLI sends none), and the 15 minutes are counted on the wall clock to the second.
 */
class SigV4VerifierTest {
    static final DurableCredentials KEY = new DurableCredentials("AKIDLOCALTEST", "local-test-secret-0123456789");
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final String PATH = "/2025-12-01/durable-execution-callbacks/abc/succeed";
    static final String BODY = "\"yes\"";

    @Test
    void aSignatureOverTheBodyIsAccepted() {
        assertDoesNotThrow(() -> verify(NOW, signedAt("20261130T120000Z", BODY), BODY));
    }

    @Test
    void anotherBodyThanTheSignedOneIsAnInvalidSignature() {
        var refused = assertThrows(RestError.class, () -> verify(NOW, signedAt("20261130T120000Z", BODY), "\"no\""));

        assertEquals(403, refused.status);
        assertEquals("InvalidSignatureException", refused.code);
    }

    @Test
    void fifteenMinutesEitherWayIsTheLastAcceptedSecond() {
        assertDoesNotThrow(() -> verify(NOW.plusSeconds(900), signedAt("20261130T120000Z", BODY), BODY));
        assertDoesNotThrow(() -> verify(NOW.minusSeconds(900), signedAt("20261130T120000Z", BODY), BODY));

        var expired = assertThrows(RestError.class, () -> verify(NOW.plusSeconds(901), signedAt("20261130T120000Z", BODY), BODY));
        var early = assertThrows(RestError.class, () -> verify(NOW.minusSeconds(901), signedAt("20261130T120000Z", BODY), BODY));
        assertEquals("Signature expired: 20261130T120000Z is now earlier than 20261130T120001Z (20261130T121501Z - 15 min.)",
                expired.getMessage());
        assertEquals("Signature not yet current: 20261130T120000Z is still later than 20261130T115959Z "
                + "(20261130T114459Z + 15 min.)", early.getMessage());
    }

    @Test
    void aScopeDateOtherThanTheRequestDateIsRefused() {
        var signed = signedAt("20261130T120000Z", BODY);
        var changed = Map.of("host", signed.get("host"), "x-amz-date", signed.get("x-amz-date"),
                "authorization", List.of(signed.get("authorization").get(0).replace("/20261130/", "/20261129/")));

        var refused = assertThrows(RestError.class, () -> verify(NOW, changed, BODY));

        assertEquals("InvalidSignatureException", refused.code);
        assertEquals("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                + "'20261129' != '20261130', from '20261130T120000Z'.", refused.getMessage());
    }

    @Test
    void aScopeForAnotherServiceIsRefused() {
        var refused = assertThrows(RestError.class, () -> verify(NOW, signedAt("20261130T120000Z", BODY, "s3"), BODY));

        assertEquals("InvalidSignatureException", refused.code);
        assertEquals("Credential should be scoped to correct service: 'lambda'.", refused.getMessage());
    }

    @Test
    void aMalformedAuthorizationHeaderIsAnIncompleteSignature() {
        var refused = assertThrows(RestError.class, () -> verify(NOW, Map.of("host", List.of("127.0.0.1:9014"),
                "x-amz-date", List.of("20261130T120000Z"), "authorization", List.of("Bearer let-me-in")), BODY));

        assertEquals(403, refused.status);
        assertEquals("IncompleteSignatureException", refused.code);
    }

    private static void verify(Instant now, Map<String, List<String>> headers, String body) {
        new SigV4Verifier(KEY, Clock.fixed(now, ZoneOffset.UTC))
                .verify("POST", URI.create(PATH), headers, () -> body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> signedAt(String amzDate, String body) {
        return signedAt(amzDate, body, "lambda");
    }

    /** Signs per the SigV4 specification, from a canonical request written out in full. */
    private static Map<String, List<String>> signedAt(String amzDate, String body, String service) {
        String canonical = "POST\n" + PATH + "\n\nhost:127.0.0.1:9014\nx-amz-date:" + amzDate + "\n\nhost;x-amz-date\n"
                + hex(sha256(body));
        String scope = amzDate.substring(0, 8) + "/eu-west-1/" + service + "/aws4_request";
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + hex(sha256(canonical));
        byte[] key = ("AWS4" + KEY.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
        for (String part : scope.split("/")) {
            key = hmac(key, part);
        }
        String authorization = "AWS4-HMAC-SHA256 Credential=" + KEY.accessKeyId() + "/" + scope
                + ", SignedHeaders=host;x-amz-date, Signature=" + hex(hmac(key, toSign));
        return Map.of("host", List.of("127.0.0.1:9014"), "x-amz-date", List.of(amzDate),
                "authorization", List.of(authorization));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
