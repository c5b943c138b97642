package io.leavebot.exports;

import io.leavebot.leave.Person;
import java.util.Optional;

/**
 * One calendar feed: a person's own leave ({@link Scope#OWN}), or who is out in their team ({@link Scope#TEAM}).
 * Each person has their own team feed, with a token of their own, so that rotating it breaks nobody else's
 * subscription, and the team is looked up when the feed is read: someone who changes teams sees their new team.
 */
public record Feed(Scope scope, Person owner) {
    public enum Scope {
        OWN("own"), TEAM("team");

        private final String word;

        Scope(String word) {
            this.word = word;
        }
    }

    /** The name {@link FeedTokens} keeps it by: {@code own:<person key>} or {@code team:<person key>}. */
    public String id() {
        return scope.word + ":" + owner.key();
    }

    /** The feed an {@link #id()} names; empty for anything else. */
    public static Optional<Feed> fromId(String id) {
        for (Scope scope : Scope.values()) {
            if (id != null && id.startsWith(scope.word + ":") && id.length() > scope.word.length() + 1) {
                return Optional.of(new Feed(scope, new Person(id.substring(scope.word.length() + 1), null)));
            }
        }
        return Optional.empty();
    }
}
