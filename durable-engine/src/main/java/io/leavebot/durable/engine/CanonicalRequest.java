package io.leavebot.durable.engine;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SigV4 canonical request of a received request, built the way the AWS SDK for Java v2 and the AWS CLI build
 * it for a service other than S3: the path normalised and then encoded a second time (so an ARN's {@code %3A}
 * becomes {@code %253A}), the query decoded, re-encoded and sorted, the signed headers lower-cased with their
 * values trimmed and inner runs of white space collapsed, then the payload's SHA-256.
 */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    /**
     * @param headers the request's headers by lower-case name
     * @param signedHeaders the lower-case names the signer listed, each present in {@code headers}
     */
    static String of(String method, URI requestUri, Map<String, List<String>> headers, List<String> signedHeaders,
            String payloadHash) {
        var canonical = new StringBuilder();
        canonical.append(method).append('\n')
                .append(uri(requestUri)).append('\n')
                .append(query(requestUri.getRawQuery())).append('\n');
        for (String name : signedHeaders) {
            canonical.append(name).append(':').append(String.join(",", headers.get(name).stream()
                    .map(CanonicalRequest::trimAll).toList())).append('\n');
        }
        return canonical.append('\n').append(String.join(";", signedHeaders)).append('\n').append(payloadHash).toString();
    }

    /** The path with dot segments removed, then encoded again, keeping its slashes. */
    static String uri(URI requestUri) {
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

    /** Parameters decoded as the routes decode them, then encoded, sorted by name and by value. */
    static String query(String rawQuery) {
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
    static String encode(String text, boolean keepSlash) {
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

    /** Trims a header value and collapses each inner run of white space to one space. */
    private static String trimAll(String value) {
        return value.replaceAll("\\s+", " ").replaceAll("^ | $", "");
    }
}
