package io.leavebot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.leavebot.notify.ChatUnavailableException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The keys Bot Framework signs its tokens with: the OpenID metadata names the key set ({@code jwks_uri}), whose
 * keys each carry {@code endorsements}, the channels they may sign for. Kept for a day (Microsoft rolls keys
 * over with notice; the SDK kept them five days), and read again early when a token names a key not seen yet, at
 * most every five minutes so that tokens with made-up key ids cannot make LeaveBot hammer Microsoft.
 */
final class BotFrameworkKeys {
    /** One key, and the channels (e.g. {@code msteams}) it is endorsed for. */
    record Key(RSAKey rsa, Set<String> endorsements) {
    }

    private static final Duration KEPT = Duration.ofDays(1);
    private static final Duration EARLY_READS_APART = Duration.ofMinutes(5);

    private final URI openIdMetadata;
    private final JsonHttp http;
    private final Clock clock;
    private Map<String, Key> keys = Map.of();
    private Instant readAt = Instant.MIN;

    BotFrameworkKeys(URI openIdMetadata, JsonHttp http, Clock clock) {
        this.openIdMetadata = openIdMetadata;
        this.http = http;
        this.clock = clock;
    }

    /**
     * The key with this id, reading the key set again when it is old or lacks the id.
     *
     * @throws IllegalStateException when the metadata or the key set cannot be read
     */
    synchronized Optional<Key> find(String keyId) {
        Instant now = clock.instant();
        boolean stale = now.isAfter(readAt.plus(KEPT));
        boolean unknown = !keys.containsKey(keyId) && now.isAfter(readAt.plus(EARLY_READS_APART));
        if (stale || unknown) {
            keys = read();
            readAt = now;
        }
        return Optional.ofNullable(keys.get(keyId));
    }

    private Map<String, Key> read() {
        try {
            JsonNode metadata = http.get("Bot Framework's OpenID metadata", openIdMetadata, null);
            URI jwksUri = URI.create(metadata.path("jwks_uri").asText());
            Map<String, Key> read = new HashMap<>();
            for (JsonNode key : http.get("Bot Framework's key set", jwksUri, null).path("keys")) {
                JWK jwk = JWK.parse(key.toString());
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    read.put(jwk.getKeyID(), new Key(rsa, StreamSupport.stream(key.path("endorsements").spliterator(), false)
                            .map(JsonNode::asText).collect(Collectors.toUnmodifiableSet())));
                }
            }
            return Map.copyOf(read);
        } catch (ChatUnavailableException | IllegalArgumentException | ParseException e) {
            throw new IllegalStateException("Bot Framework's signing keys cannot be read from " + openIdMetadata + ": "
                    + e.getMessage(), e);
        }
    }
}
