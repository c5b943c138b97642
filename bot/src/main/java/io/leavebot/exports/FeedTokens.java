package io.leavebot.exports;

import java.time.Instant;
import java.util.Optional;

/**
 * Where calendar feeds keep their tokens: one per feed, by its SHA-256 only, so a copy of the database opens no
 * feed. A feed is named by {@link Feed#id()}.
 */
public interface FeedTokens {
    /** Gives {@code feed} the token with this hash, replacing its earlier one (which then opens nothing). */
    void replaceToken(String feed, String tokenHash, Instant at);

    /** The feed whose token has this hash, if one has. */
    Optional<String> feedWithToken(String tokenHash);

    /** When the feed's current token was made; empty when it has none. */
    Optional<Instant> tokenMadeAt(String feed);
}
