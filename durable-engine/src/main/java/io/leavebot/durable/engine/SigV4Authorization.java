package io.leavebot.durable.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed SigV4 {@code Authorization} header:
 * {@code AWS4-HMAC-SHA256 Credential=<key id>/<yyyyMMdd>/<region>/<service>/aws4_request,
 * SignedHeaders=<a;b;c>, Signature=<hex>}. Parsing checks the shape only; {@link SigV4Verifier} checks the meaning.
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
        String signature) {
    static final String ALGORITHM = io.leavebot.durable.sigv4.SigV4.ALGORITHM;

    /** The scope the signature was made for: {@code <date>/<region>/<service>/aws4_request}. */
    String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    /**
     * @throws RestError IncompleteSignatureException naming what is missing or malformed (without echoing the
     *     header, which is the caller's own)
     */
    static SigV4Authorization parse(String header) {
        String trimmed = header.trim();
        if (!trimmed.startsWith(ALGORITHM + " ")) {
            throw SigV4Verifier.incomplete("the Authorization header must start with '" + ALGORITHM
                    + "' followed by Credential, SignedHeaders and Signature; no other algorithm is supported");
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : trimmed.substring(ALGORITHM.length()).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw SigV4Verifier.incomplete("the Authorization header has a part that is not a key=value pair");
            }
            parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
        }
        var missing = new ArrayList<String>();
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (parts.getOrDefault(required, "").isEmpty()) {
                missing.add("Authorization header requires '" + required + "' parameter.");
            }
        }
        if (!missing.isEmpty()) {
            throw SigV4Verifier.incomplete(String.join(" ", missing));
        }
        String[] credential = parts.get("Credential").split("/", -1);
        if (credential.length != 5 || !credential[4].equals("aws4_request")
                || Arrays.stream(credential).anyMatch(String::isEmpty)) {
            throw SigV4Verifier.incomplete("Credential should have exactly 5 slash-delimited elements, "
                    + "keyid/date/region/service/aws4_request");
        }
        if (!credential[1].matches("[0-9]{8}")) {
            throw SigV4Verifier.incomplete("the Credential's date must be yyyyMMdd");
        }
        List<String> signedHeaders = List.of(parts.get("SignedHeaders").split(";"));
        return new SigV4Authorization(credential[0], credential[1], credential[2], credential[3], signedHeaders,
                parts.get("Signature"));
    }
}
