package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.exports.FeedTokens;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeedTokens} does, whichever database keeps the hashes. */
abstract class FeedTokensContract {
    static final Instant T0 = Instant.parse("2027-01-05T09:00:00Z");
    static final String OWN = "own:ada@example.org";
    static final String TEAM = "team:ada@example.org";

    FeedTokens tokens;

    abstract FeedTokens newTokens();

    @BeforeEach
    void open() {
        tokens = newTokens();
    }

    @Test
    void aTokensHashNamesItsFeed() {
        tokens.replaceToken(OWN, "hash-own", T0);
        tokens.replaceToken(TEAM, "hash-team", T0);

        assertEquals(Optional.of(OWN), tokens.feedWithToken("hash-own"));
        assertEquals(Optional.of(TEAM), tokens.feedWithToken("hash-team"));
        assertEquals(Optional.empty(), tokens.feedWithToken("hash-unknown"));
        assertEquals(Optional.of(T0), tokens.tokenMadeAt(OWN));
        assertEquals(Optional.empty(), tokens.tokenMadeAt("own:bea@example.org"));
    }

    @Test
    void aRotationRetiresTheOldTokenAndLeavesOtherFeedsAlone() {
        tokens.replaceToken(OWN, "hash-1", T0);
        tokens.replaceToken(TEAM, "hash-team", T0);
        tokens.replaceToken(OWN, "hash-2", T0.plusSeconds(60));

        assertEquals(Optional.empty(), tokens.feedWithToken("hash-1"));
        assertEquals(Optional.of(OWN), tokens.feedWithToken("hash-2"));
        assertEquals(Optional.of(TEAM), tokens.feedWithToken("hash-team"));
        assertEquals(Optional.of(T0.plusSeconds(60)), tokens.tokenMadeAt(OWN));
    }
}
