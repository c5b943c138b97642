package io.leavebot.store;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link UserTokens} adapter does: one token per person, replaced on reconnect, its status kept, forgotten. */
abstract class UserTokensContract {
    private static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
    private static final UserToken ADAS = new UserToken(ADA.key(), "U01ADA", "T0LEAVE", "v1.sealed-one", null, AT);

    /** A new, empty store. */
    abstract UserTokens tokens();

    @Test
    void aSavedTokenIsFoundByThePersonAndNobodyElse() {
        UserTokens tokens = tokens();
        tokens.saveUserToken(ADAS);

        UserToken found = tokens.userTokenOf(ADA).orElseThrow();
        assertEquals(ADAS.slackUserId(), found.slackUserId());
        assertEquals(ADAS.teamId(), found.teamId());
        assertEquals(ADAS.sealedToken(), found.sealedToken());
        assertEquals(AT, found.connectedAt());
        assertNull(found.statusText());
        assertTrue(tokens.userTokenOf(GRACE).isEmpty());
    }

    @Test
    void connectingAgainReplacesTheToken() {
        UserTokens tokens = tokens();
        tokens.saveUserToken(ADAS);
        tokens.saveUserToken(new UserToken(ADA.key(), "U01ADA", null, "v1.sealed-two", null, AT.plusSeconds(60)));

        assertEquals("v1.sealed-two", tokens.userTokenOf(ADA).orElseThrow().sealedToken());
        assertNull(tokens.userTokenOf(ADA).orElseThrow().teamId());
    }

    @Test
    void theStatusSetIsKeptUntilCleared() {
        UserTokens tokens = tokens();
        tokens.saveUserToken(ADAS);

        tokens.recordStatusText(ADA, "On leave until Fri 16 Jan");
        assertEquals("On leave until Fri 16 Jan", tokens.userTokenOf(ADA).orElseThrow().statusText());
        tokens.recordStatusText(ADA, null);
        assertNull(tokens.userTokenOf(ADA).orElseThrow().statusText());
    }

    @Test
    void aStatusForSomeoneWithoutATokenBringsNoTokenBack() {
        UserTokens tokens = tokens();

        tokens.recordStatusText(GRACE, "On leave until Fri 16 Jan");

        assertTrue(tokens.userTokenOf(GRACE).isEmpty());
    }

    @Test
    void aForgottenTokenIsGoneAndForgettingAgainSaysSo() {
        UserTokens tokens = tokens();
        tokens.saveUserToken(ADAS);

        assertTrue(tokens.forgetUserToken(ADA));
        assertTrue(tokens.userTokenOf(ADA).isEmpty());
        assertFalse(tokens.forgetUserToken(ADA));
    }
}
