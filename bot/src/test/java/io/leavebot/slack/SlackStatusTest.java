package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.notify.UserToken;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ada's Slack status while on leave, as the Web API (WireMock, in Slack's documented shapes) receives it: set with
 * her own token, cleared only while it is still LeaveBot's, a revoked token forgotten, Slack's outages thrown for the
 * step to retry, and no token in any log line.
 */
class SlackStatusTest {
    private static final String ADA_TOKEN = "xoxp-ada-1111-2222-secret";
    /** Ada's approved leave, Mon 12 to Fri 16 Jan 2026; over at the end of its last day. */
    private static final LeaveRequest LEAVE = SampleLeaves.decided(LeaveStatus.APPROVED, GRACE, null);
    private static final Instant OVER = Instant.parse("2026-01-17T00:00:00Z");
    private static final Instant FIRST_DAY = Instant.parse("2026-01-12T07:00:00Z");

    @TempDir
    Path dir;
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    private final SlackApi slack = new SlackApi();
    private final TokenSeal seal = TokenSeal.of(TokenSeal.newKey(), TokenSeal.KEY_SETTING);
    private SqliteLeaveStore store;
    private SlackStatus status;

    @BeforeEach
    void adaConnected() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        store.saveUserToken(new UserToken(ADA.key(), "U01ADA", SlackApi.TEAM, seal.seal(ADA.key(), ADA_TOKEN), null, FIRST_DAY));
        status = new SlackStatus(slack.webApi(), store, seal, Clock.fixed(FIRST_DAY, ZoneOffset.UTC));
        slack.answer("users.profile.set", profile("On leave until Fri 16 Jan", ":palm_tree:"));
    }

    @AfterEach
    void close() {
        assertTrue(logs.lines().stream().noneMatch(line -> line.contains(ADA_TOKEN) || line.contains("xoxp-")), logs.lines().toString());
        slack.close();
        store.close();
    }

    @Test
    void onTheFirstDayThePalmTreeStatusIsSetWithHerOwnTokenExpiringWhenTheLeaveIsOver() throws Exception {
        status.leaveStarts(LEAVE, OVER);

        Map<String, String> call = slack.calls("users.profile.set").get(0);
        assertEquals("Bearer " + ADA_TOKEN, call.get("_authorization"));
        JsonNode profile = SlackApi.json(call, "profile");
        assertEquals("On leave until Fri 16 Jan", profile.path("status_text").asText());
        assertEquals(":palm_tree:", profile.path("status_emoji").asText());
        assertEquals(OVER.getEpochSecond(), profile.path("status_expiration").asLong());
        assertEquals("On leave until Fri 16 Jan", store.userTokenOf(ADA).orElseThrow().statusText());
    }

    @Test
    void settingItAgainAfterACrashSetsTheSameStatus() {
        status.leaveStarts(LEAVE, OVER);
        status.leaveStarts(LEAVE, OVER);

        assertEquals(2, slack.calls("users.profile.set").size());
        assertEquals(slack.calls("users.profile.set").get(0).get("profile"), slack.calls("users.profile.set").get(1).get("profile"));
    }

    @Test
    void whenTheLeaveIsOverTheStatusIsClearedIfItIsStillOurs() {
        status.leaveStarts(LEAVE, OVER);
        slack.answer("users.profile.get", profile("On leave until Fri 16 Jan", ":palm_tree:"));

        status.leaveEnds(LEAVE);

        assertEquals(2, slack.calls("users.profile.set").size());
        JsonNode cleared = SlackApi.json(slack.calls("users.profile.set").get(1), "profile");
        assertEquals("", cleared.path("status_text").asText("missing"));
        assertEquals("", cleared.path("status_emoji").asText("missing"));
        assertEquals(0, cleared.path("status_expiration").asLong(-1));
        assertEquals("Bearer " + ADA_TOKEN, slack.calls("users.profile.get").get(0).get("_authorization"));
        assertNull(store.userTokenOf(ADA).orElseThrow().statusText());
    }

    @Test
    void aStatusSheSetHerselfMeanwhileIsLeftAlone() {
        status.leaveStarts(LEAVE, OVER);
        slack.answer("users.profile.get", profile("In a meeting", ":calendar:"));

        status.leaveEnds(LEAVE);

        assertEquals(1, slack.calls("users.profile.set").size());
        assertNull(store.userTokenOf(ADA).orElseThrow().statusText());
    }

    @Test
    void someoneWhoNeverConnectedIsLeftAlone() {
        store.forgetUserToken(ADA);

        status.leaveStarts(LEAVE, OVER);
        status.leaveEnds(LEAVE);

        assertTrue(slack.methodsCalled().isEmpty(), slack.methodsCalled().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"token_revoked", "invalid_auth", "account_inactive"})
    void aTokenSlackRefusesIsForgottenAndNotRetried(String error) {
        slack.answer("users.profile.set", "{\"ok\":false,\"error\":\"" + error + "\"}");

        status.leaveStarts(LEAVE, OVER); // no exception: the step does not retry
        status.leaveEnds(LEAVE);

        assertTrue(store.userTokenOf(ADA).isEmpty());
        assertEquals(1, slack.calls("users.profile.set").size());
        assertTrue(slack.calls("users.profile.get").isEmpty());
        assertTrue(logs.lines().stream().anyMatch(l -> l.contains(error) && l.contains(ADA.key())), logs.lines().toString());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void rateLimitsAndOutagesAreThrownForTheStepToRetryAndTheTokenIsKept(int httpStatus) {
        slack.answerStatus("users.profile.set", httpStatus);

        var thrown = assertThrows(ChatUnavailableException.class, () -> status.leaveStarts(LEAVE, OVER));

        assertTrue(thrown.getMessage().contains("users.profile.set answered HTTP " + httpStatus), thrown.getMessage());
        if (httpStatus == 429) {
            assertTrue(thrown.getMessage().contains("retry after 30 s"), thrown.getMessage());
        }
        assertFalse(thrown.getMessage().contains(ADA_TOKEN));
        assertTrue(store.userTokenOf(ADA).isPresent());
        assertNull(store.userTokenOf(ADA).orElseThrow().statusText());
    }

    @Test
    void noAnswerIsThrownForTheStepToRetry() {
        slack.dropConnections("users.profile.get");

        assertThrows(ChatUnavailableException.class, () -> status.leaveEnds(LEAVE));
        assertTrue(store.userTokenOf(ADA).isPresent());
    }

    @Test
    void aStartRetriedAfterTheLeaveIsOverSetsNothing() {
        var late = new SlackStatus(slack.webApi(), store, seal, Clock.fixed(OVER.plusSeconds(60), ZoneOffset.UTC));

        late.leaveStarts(LEAVE, OVER);

        assertTrue(slack.calls("users.profile.set").isEmpty());
    }

    @Test
    void aStoredTokenThatNoLongerOpensIsForgottenWithAMessage() {
        var otherKey = new SlackStatus(slack.webApi(), store, TokenSeal.of(TokenSeal.newKey(), TokenSeal.KEY_SETTING),
                Clock.fixed(FIRST_DAY, ZoneOffset.UTC));

        otherKey.leaveStarts(LEAVE, OVER);

        assertTrue(slack.calls("users.profile.set").isEmpty());
        assertTrue(store.userTokenOf(ADA).isEmpty());
        assertTrue(logs.lines().stream().anyMatch(l -> l.contains("LEAVEBOT_TOKEN_KEY")), logs.lines().toString());
    }

    /** users.profile.get's documented answer, trimmed to the fields read. */
    private static String profile(String text, String emoji) {
        return "{\"ok\":true,\"profile\":{\"title\":\"\",\"phone\":\"\",\"real_name\":\"Ada Lovelace\",\"display_name\":\"Ada\","
                + "\"status_text\":\"" + text + "\",\"status_emoji\":\"" + emoji + "\",\"status_expiration\":0,"
                + "\"email\":\"ada@example.org\"}}";
    }
}
