package io.leavebot.store;

import io.leavebot.exports.FeedTokens;
import java.time.Instant;
import java.util.Optional;

/** A store whose {@link FeedTokens} are a part of its own, on the same connection or client: every call goes there. */
interface FeedTokenParts extends FeedTokens {

    /** The part that keeps the feeds' tokens. */
    FeedTokens feedTokens();

    @Override
    default void replaceToken(String feed, String tokenHash, Instant at) {
        feedTokens().replaceToken(feed, tokenHash, at);
    }

    @Override
    default Optional<String> feedWithToken(String tokenHash) {
        return feedTokens().feedWithToken(tokenHash);
    }

    @Override
    default Optional<Instant> tokenMadeAt(String feed) {
        return feedTokens().tokenMadeAt(feed);
    }
}
