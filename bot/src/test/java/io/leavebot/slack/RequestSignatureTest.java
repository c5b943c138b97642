package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.request.RequestHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** LeaveBot's signature check signs as Slack (and the SDK) does, for any body, and on every thread alike. */
class RequestSignatureTest {
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private final RequestSignature signature = new RequestSignature(SECRET);

    @Test
    void theSignatureIsTheOneTheSdkComputes() {
        var sdk = new SlackSignature.Generator(SECRET);
        for (String body : List.of("", "token=x&command=%2Fleave&text=2026-12-24+Noël+🎄",
                "payload=" + "{\"type\":\"block_actions\"}".repeat(200))) {
            String expected = sdk.generate("1531420618", body);
            assertEquals(expected, new String(signature.expected("1531420618", body), StandardCharsets.US_ASCII));
            assertEquals(expected, new String(signature.expected("1531420618", body), StandardCharsets.US_ASCII), "again");
        }
    }

    @Test
    void slacksDocumentedExampleIsValidAndAChangedBodyIsNot() {
        // https://docs.slack.dev/authentication/verifying-requests-from-slack (secret, timestamp, body, signature)
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var headers = new RequestHeaders(Map.of("X-Slack-Request-Timestamp", List.of("1531420618"), "X-Slack-Signature",
                List.of("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")));
        Instant then = Instant.ofEpochSecond(1531420618);

        assertTrue(signature.isValid(headers, body, then));
        assertFalse(signature.isValid(headers, body + "x", then));
        assertFalse(signature.isValid(headers, body, then.plusSeconds(301)));
    }
}
