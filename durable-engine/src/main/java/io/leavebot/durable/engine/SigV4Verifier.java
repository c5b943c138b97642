package io.leavebot.durable.engine;

import io.leavebot.durable.sigv4.SigV4;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Checks that a request is signed as AWS signs requests to Lambda (Signature Version 4, {@code Authorization}
 * header), with the one key of {@link DurableCredentials}, and refuses it the way Lambda does otherwise: 403 with
 * the error type in {@code x-amzn-ErrorType}, so the AWS SDK throws a {@code LambdaException} with that error code.
 *
 * <p>What is checked: the header's shape; that {@code host} and {@code x-amz-date} are signed and every signed header
 * is present; the key id; the service {@code lambda} (any region: the engine is in none, and the SDK signs with
 * whatever region it is configured with); the credential scope's date against {@code x-amz-date}; that
 * {@code x-amz-date} is at most 15 minutes from now either way; {@code x-amz-content-sha256}, when sent, against the
 * body; and the signature, compared in constant time. "Now" is the machine's real wall clock, never the engine's
 * clock: that one may be a test clock or the local workspace's fast clock, while signers sign with the real time.
 * As on AWS, a request may be replayed within the 15 minutes; the key is what keeps strangers out.
 */
final class SigV4Verifier {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final DateTimeFormatter AMZ_DATE = SigV4.AMZ_DATE;
    private static final String SERVICE = "lambda";

    private final DurableCredentials credentials;
    private final Clock wallClock;

    SigV4Verifier(DurableCredentials credentials, Clock wallClock) {
        this.credentials = credentials;
        this.wallClock = wallClock;
    }

    /**
     * @param headers the request's headers by lower-case name
     * @param body read only once the headers have passed, so a stranger cannot make the server buffer a body
     * @throws RestError 403 when the request is not signed with the key, or is signed wrongly
     */
    void verify(String method, URI uri, Map<String, List<String>> headers, Supplier<byte[]> body) {
        String header = first(headers, "authorization");
        if (header == null) {
            throw forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");
        }
        SigV4Authorization auth = SigV4Authorization.parse(header);
        String amzDate = first(headers, "x-amz-date");
        checkSignedHeaders(auth, headers, amzDate);
        if (!constantTimeEquals(auth.accessKeyId(), credentials.accessKeyId()) || headers.containsKey("x-amz-security-token")) {
            // session tokens come from AWS STS, never from this engine
            throw forbidden("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!auth.service().equals(SERVICE)) {
            throw invalidSignature("Credential should be scoped to correct service: '" + SERVICE + "'.");
        }
        checkDate(auth, amzDate);
        String payloadHash = SigV4.hex(SigV4.sha256(body.get()));
        String declaredHash = first(headers, "x-amz-content-sha256");
        if (declaredHash != null && !declaredHash.trim().equalsIgnoreCase(payloadHash)) {
            throw invalidSignature("The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = SigV4.canonicalRequest(method, uri, headers, auth.signedHeaders(), payloadHash);
        String expected = SigV4.signature(credentials.secretAccessKey(), auth.date(), auth.region(), auth.service(),
                SigV4.stringToSign(amzDate, auth.scope(), canonical));
        if (!constantTimeEquals(expected, auth.signature().toLowerCase())) {
            throw invalidSignature("The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    private static void checkSignedHeaders(SigV4Authorization auth, Map<String, List<String>> headers, String amzDate) {
        if (amzDate == null) {
            throw incomplete("Authorization header requires existence of an 'X-Amz-Date' header.");
        }
        if (!auth.signedHeaders().contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        if (!auth.signedHeaders().contains("x-amz-date")) {
            throw incomplete("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : auth.signedHeaders()) {
            if (!name.equals(name.toLowerCase()) || !headers.containsKey(name)) {
                throw incomplete("'" + name + "' is named as a SignedHeader, but it does not exist in the HTTP request.");
            }
        }
    }

    private void checkDate(SigV4Authorization auth, String amzDate) {
        Instant signed;
        try {
            signed = Instant.from(AMZ_DATE.parse(amzDate));
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must be in the ISO-8601 basic format yyyyMMdd'T'HHmmss'Z'.");
        }
        if (!amzDate.startsWith(auth.date())) {
            throw invalidSignature("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                    + "from HTTP: '" + auth.date() + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        Instant now = wallClock.instant();
        if (signed.isBefore(now.minus(MAX_SKEW))) {
            throw invalidSignature("Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signed.isAfter(now.plus(MAX_SKEW))) {
            throw invalidSignature("Signature not yet current: " + amzDate + " is still later than "
                    + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }

    static RestError incomplete(String message) {
        return forbidden("IncompleteSignatureException", message);
    }

    private static RestError invalidSignature(String message) {
        return forbidden("InvalidSignatureException", message);
    }

    private static RestError forbidden(String code, String message) {
        return new RestError(403, code, message);
    }

    /** The headers of a request by lower-case name, values in the order received. */
    static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        var lower = new LinkedHashMap<String, List<String>>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(), List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return lower;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
