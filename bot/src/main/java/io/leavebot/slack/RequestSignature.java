package io.leavebot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
import io.leavebot.crypto.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a request really comes from Slack, recently: its {@code X-Slack-Signature} must be the HMAC-SHA256 of
 * {@code v0:<timestamp>:<body>} under the signing secret, and {@code X-Slack-Request-Timestamp} at most five
 * minutes from now. Stricter than Bolt's own check in two ways: Bolt lets any timestamp in the future pass (so a
 * request signed for tomorrow could be replayed until then) and compares signatures with {@code String.equals},
 * whose running time tells an attacker how many leading characters were right. This one bounds the timestamp both
 * ways and compares in constant time.
 */
final class RequestSignature {
    static final String TIMESTAMP = SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP;
    static final String SIGNATURE = SlackSignature.HeaderNames.X_SLACK_SIGNATURE;
    /** Slack's documented window against replays, here in both directions. */
    private static final Duration MAX_AGE = Duration.ofMinutes(5);
    /** Digits of a Unix time in seconds; anything longer is not a timestamp Slack sent. */
    private static final int MAX_TIMESTAMP_DIGITS = 12;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * The signing secret's HMAC, keyed once: the SDK's {@code SlackSignature.Generator} looks up and keys a new
     * {@code Mac} and formats each byte with {@code String.format}, a fiftieth of the CPU per command; the signature
     * is the same.
     */
    private final HmacSha256 hmac;

    RequestSignature(String signingSecret) {
        this.hmac = new HmacSha256(signingSecret);
    }

    boolean isValid(RequestHeaders headers, String body, Instant now) {
        String timestamp = headers.getFirstValue(TIMESTAMP);
        String signature = headers.getFirstValue(SIGNATURE);
        if (timestamp == null || signature == null || !isRecent(timestamp, now)) {
            return false;
        }
        return MessageDigest.isEqual(expected(timestamp, body), signature.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code v0=} and the hex of HMAC-SHA256({@code v0:<timestamp>:<body>}), as Slack signs. */
    byte[] expected(String timestamp, String body) {
        byte[] digest = hmac.mac("v0:" + timestamp + ":" + body);
        byte[] signature = new byte[3 + 2 * digest.length];
        signature[0] = 'v';
        signature[1] = '0';
        signature[2] = '=';
        for (int i = 0; i < digest.length; i++) {
            signature[3 + 2 * i] = HEX[(digest[i] >> 4) & 0xf];
            signature[4 + 2 * i] = HEX[digest[i] & 0xf];
        }
        return signature;
    }

    private static boolean isRecent(String timestamp, Instant now) {
        if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return Math.abs(now.getEpochSecond() - seconds) <= MAX_AGE.toSeconds();
    }
}
