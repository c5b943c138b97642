package io.leavebot.durable.sigv4;

import io.leavebot.crypto.HmacSha256;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AWS Signature Version 4 as the AWS SDK for Java v2 and the AWS CLI compute it for a service other than S3: the one
 * place LeaveBot has it, for signing (the Lambda package's {@code AwsHttpCaller}) and for checking (the embedded
 * engine's REST API).
 * The canonical request has the path normalised and then encoded a second time (so an ARN's {@code %3A} becomes
 * {@code %253A}), the query decoded, re-encoded and sorted, the signed headers lower-cased with their values trimmed
 * and inner runs of white space collapsed, then the payload's SHA-256.
 */
public final class SigV4 {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** {@code x-amz-date}'s format: ISO 8601 basic, UTC. */
    public static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private SigV4() {
    }

    /**
     * The {@code Authorization} header for a request whose {@code headers} (lower-case names, each to be signed,
     * {@code host} and {@code x-amz-date} among them) are final.
     */
    public static String authorization(String method, URI uri, Map<String, List<String>> headers, byte[] body,
            String accessKeyId, String secretAccessKey, String region, String service, Instant signedAt) {
        List<String> signedHeaders = new ArrayList<>(new TreeMap<>(headers).keySet());
        String date = AMZ_DATE.format(signedAt).substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String canonical = canonicalRequest(method, uri, headers, signedHeaders, hex(sha256(body)));
        String signature = signature(secretAccessKey, date, region, service,
                stringToSign(AMZ_DATE.format(signedAt), scope, canonical));
        return ALGORITHM + " Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + String.join(";", signedHeaders) + ", Signature=" + signature;
    }

    /** What the key signs: the algorithm, the time, the scope and the canonical request's hash. */
    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** The hex signature of {@code stringToSign} with the key derived from the secret for that day, region, service. */
    public static String signature(String secretAccessKey, String date, String region, String service,
            String stringToSign) {
        byte[] key = ("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8);
        for (String part : List.of(date, region, service, "aws4_request")) {
            key = hmac(key, part);
        }
        return hex(hmac(key, stringToSign));
    }

    /**
     * @param headers the request's headers by lower-case name
     * @param signedHeaders the lower-case names the signer listed, each present in {@code headers}
     */
    public static String canonicalRequest(String method, URI requestUri, Map<String, List<String>> headers,
            List<String> signedHeaders, String payloadHash) {
        var canonical = new StringBuilder();
        canonical.append(method).append('\n')
                .append(canonicalUri(requestUri)).append('\n')
                .append(canonicalQuery(requestUri.getRawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(String.join(",", headers.get(name).stream()
                    .map(SigV4::trimAll).toList())).append('\n');
        }
        return canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash).toString();
    }

    /** The path with dot segments removed, then encoded again, keeping its slashes. */
    public static String canonicalUri(URI requestUri) {
        String raw = requestUri.getRawPath();
        if (raw == null || raw.isEmpty()) {
            return "/";
        }
        String normalized = URI.create("http://host" + raw).normalize().getRawPath();
        String path = encode(normalized.isEmpty() ? "/" : normalized, true);
        // normalising /a/b/. leaves a trailing slash the signer drops again when the original had none
        if (path.length() > 1 && path.endsWith("/") && !raw.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    /** Parameters decoded as a server decodes them, then encoded, sorted by name and by value. */
    public static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        var sorted = new TreeMap<String, List<String>>();
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            String name = URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
            if (!name.isEmpty()) {
                String value = kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                sorted.computeIfAbsent(encode(name, false), n -> new ArrayList<>()).add(encode(value, false));
            }
        }
        var query = new StringBuilder();
        sorted.forEach((name, values) -> values.stream().sorted().forEach(value ->
                query.append(query.length() == 0 ? "" : "&").append(name).append('=').append(value)));
        return query.toString();
    }

    /** RFC 3986 percent-encoding of every byte but the unreserved characters (and '/', when kept). */
    public static String encode(String text, boolean keepSlash) {
        var encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~' || keepSlash && c == '/') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data == null ? new byte[0] : data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static byte[] hmac(byte[] key, String data) {
        return HmacSha256.mac(key, data);
    }

    /** Trims a header value and collapses each inner run of white space to one space. */
    private static String trimAll(String value) {
        return value.replaceAll("\\s+", " ").replaceAll("^ | $", "");
    }
}
