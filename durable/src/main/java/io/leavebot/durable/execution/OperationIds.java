package io.leavebot.durable.execution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic operation ids: the n-th operation of a context has the raw id {@code "n"} at the root and
 * {@code "<context id>-n"} inside a child context, hashed with SHA-256 to 64 hex characters (as the AWS Java SDK
 * does, so ids are stable, short and valid for the service).
 */
public final class OperationIds {
    private OperationIds() {
    }

    public static String idFor(String contextId, int position) {
        String raw = contextId == null ? Integer.toString(position) : contextId + "-" + position;
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
