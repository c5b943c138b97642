package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.ADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.slack.SlackConnect.Outcome;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SlackApi;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connect flow against Slack's Web API (WireMock, {@code oauth.v2.access} and {@code auth.revoke} in their
 * documented shapes): the authorize link, the code exchanged once Slack confirms the user, the token kept sealed;
 * a changed, expired or denied link, someone else's grant and Slack's failures keep nothing.
 */
class SlackConnectTest {
    private static final String SECRET = "link-secret-of-at-least-thirty-two-bytes!";
    private static final String ADA_TOKEN = "xoxp-ada-3333-4444-secret";
    private static final String REDIRECT = "https://leavebot.example.org/slack/oauth/callback";
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final SlackApi slack = new SlackApi();
    private final TokenSeal seal = TokenSeal.of(TokenSeal.newKey(), TokenSeal.KEY_SETTING);
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private SqliteLeaveStore store;
    private SlackConnect connect;

    @BeforeEach
    void start() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        connect = new SlackConnect(new SlackConnect.Settings("1111.2222", "client-secret-xyz", REDIRECT,
                SlackConnect.SLACK_AUTHORIZE_URL), slack.webApi(), SECRET, seal, store, clock);
        grantedBy("U01ADA");
        slack.answer("auth.revoke", "{\"ok\":true,\"revoked\":true}");
    }

    @AfterEach
    void close() {
        assertTrue(logs.lines().stream().noneMatch(l -> l.contains(ADA_TOKEN) || l.contains("client-secret-xyz")), logs.lines().toString());
        slack.close();
        store.close();
    }

    @Test
    void theLinkGoesToSlacksAuthorizePageForTheUserScopeAndComesBackHere() {
        Map<String, String> query = query(connect.authorizeUrl("U01ADA", SlackApi.TEAM, ADA));

        assertEquals("1111.2222", query.get("client_id"));
        assertEquals("users.profile:write", query.get("user_scope"));
        assertEquals(REDIRECT, query.get("redirect_uri"));
        assertEquals(SlackApi.TEAM, query.get("team"));
        assertTrue(connect.authorizeUrl("U01ADA", SlackApi.TEAM, ADA).startsWith("https://slack.com/oauth/v2/authorize?"));
    }

    @Test
    void theCodeIsExchangedAndTheTokenKeptSealedForThePersonWhoAsked() {
        String state = stateFor("U01ADA");

        assertEquals(Outcome.CONNECTED, connect.complete("code-1", state, null));

        Map<String, String> exchange = slack.calls("oauth.v2.access").get(0);
        assertEquals("code-1", exchange.get("code"));
        assertEquals(REDIRECT, exchange.get("redirect_uri"));
        assertTrue("1111.2222".equals(exchange.get("client_id")) || exchange.getOrDefault("_authorization", "").startsWith("Basic "),
                exchange.toString());
        var kept = store.userTokenOf(ADA).orElseThrow();
        assertEquals("U01ADA", kept.slackUserId());
        assertEquals(SlackApi.TEAM, kept.teamId());
        assertFalse(kept.sealedToken().contains(ADA_TOKEN));
        assertEquals(ADA_TOKEN, seal.open(ADA.key(), kept.sealedToken()));
    }

    @Test
    void aGrantBySomeoneElseThanWhoAskedIsRefusedAndRevoked() {
        grantedBy("U02GRACE");

        assertEquals(Outcome.OTHER_USER, connect.complete("code-1", stateFor("U01ADA"), null));

        assertTrue(store.userTokenOf(ADA).isEmpty());
        assertEquals("Bearer " + ADA_TOKEN, slack.calls("auth.revoke").get(0).get("_authorization"));
    }

    @Test
    void aChangedStateIsRefusedBeforeSlackIsAsked() {
        String state = stateFor("U01ADA");
        String otherUser = state.replaceFirst("^[^.]+", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"u\":\"U02GRACE\",\"t\":\"T0LEAVE\",\"p\":\"grace@example.org\",\"exp\":9999999999,\"n\":\"00\"}")
                        .getBytes(StandardCharsets.UTF_8)));

        assertEquals(Outcome.INVALID_LINK, connect.complete("code-1", otherUser, null));
        assertEquals(Outcome.INVALID_LINK, connect.complete("code-1", state.substring(0, state.length() - 2) + "xx", null));
        assertEquals(Outcome.INVALID_LINK, connect.complete("code-1", "nonsense", null));
        assertEquals(Outcome.INVALID_LINK, connect.complete("code-1", null, null));
        assertTrue(slack.calls("oauth.v2.access").isEmpty());
    }

    @Test
    void aLinkOlderThanTenMinutesHasExpired() {
        String state = stateFor("U01ADA");
        now.set(NOW.plus(Duration.ofMinutes(10)));

        assertEquals(Outcome.EXPIRED, connect.complete("code-1", state, null));
        assertTrue(slack.calls("oauth.v2.access").isEmpty());
    }

    @Test
    void cancellingOnSlacksPageKeepsNothing() {
        assertEquals(Outcome.DENIED, connect.complete(null, stateFor("U01ADA"), "access_denied"));
        assertTrue(slack.calls("oauth.v2.access").isEmpty());
    }

    @Test
    void slackRefusingTheCodeOrFailingKeepsNothing() {
        slack.answer("oauth.v2.access", "{\"ok\":false,\"error\":\"invalid_code\"}");
        assertEquals(Outcome.SLACK_FAILED, connect.complete("code-1", stateFor("U01ADA"), null));
        slack.answerStatus("oauth.v2.access", 500);
        assertEquals(Outcome.SLACK_FAILED, connect.complete("code-1", stateFor("U01ADA"), null));
        assertTrue(store.userTokenOf(ADA).isEmpty());
    }

    @Test
    void disconnectingRevokesAndForgetsTheToken() {
        connect.complete("code-1", stateFor("U01ADA"), null);

        assertTrue(connect.disconnect(ADA));

        assertEquals("Bearer " + ADA_TOKEN, slack.calls("auth.revoke").get(0).get("_authorization"));
        assertTrue(store.userTokenOf(ADA).isEmpty());
        assertFalse(connect.disconnect(ADA));
    }

    @Test
    void disconnectingForgetsTheTokenEvenWhenSlackCannotRevokeIt() {
        connect.complete("code-1", stateFor("U01ADA"), null);
        slack.answerStatus("auth.revoke", 503);

        assertTrue(connect.disconnect(ADA));
        assertTrue(store.userTokenOf(ADA).isEmpty());
    }

    private String stateFor(String userId) {
        return query(connect.authorizeUrl(userId, SlackApi.TEAM, ADA)).get("state");
    }

    /** oauth.v2.access's documented answer for a user-token-only install, granted by {@code userId}. */
    private void grantedBy(String userId) {
        slack.answer("oauth.v2.access", "{\"ok\":true,\"app_id\":\"A0KRD7HC3\",\"authed_user\":{\"id\":\"" + userId + "\","
                + "\"scope\":\"users.profile:write\",\"access_token\":\"" + ADA_TOKEN + "\",\"token_type\":\"user\"},"
                + "\"team\":{\"id\":\"" + SlackApi.TEAM + "\",\"name\":\"LeaveBot Test\"},\"enterprise\":null,"
                + "\"is_enterprise_install\":false}");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return query;
    }
}
