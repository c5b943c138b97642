package io.leavebot.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
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

    private final SlackSignature.Generator generator;

    RequestSignature(String signingSecret) {
        this.generator = new SlackSignature.Generator(signingSecret);
    }

    boolean isValid(RequestHeaders headers, String body, Instant now) {
        String timestamp = headers.getFirstValue(TIMESTAMP);
        String signature = headers.getFirstValue(SIGNATURE);
        if (timestamp == null || signature == null || !isRecent(timestamp, now)) {
            return false;
        }
        byte[] expected = generator.generate(timestamp, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isRecent(String timestamp, Instant now) {
        if (timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS || !timestamp.chars().allMatch(Character::isDigit)) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return Math.abs(now.getEpochSecond() - seconds) <= MAX_AGE.toSeconds();
    }
}
