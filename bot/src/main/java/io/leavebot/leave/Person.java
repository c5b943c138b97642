package io.leavebot.leave;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone LeaveBot talks to, on no channel in particular. People are matched across channels by e-mail, so the
 * {@link #key()} is the lower-cased e-mail address; someone a chat platform knows but whose e-mail LeaveBot cannot
 * see is keyed {@code <channel>:<platform id>}, e.g. {@code slack:U0BEA} (the keys release 0.1.0 stored, so stored
 * requests and notification keys stay valid). How to reach a person on a chat platform is the chat address book's
 * business ({@code io.leavebot.notify.ChatAddressBook}), not theirs.
 *
 * @param key         the person's identity, as above
 * @param displayName how they like to be called; may be null
 */
public record Person(String key, String displayName) {
    /** {@code <channel>:<id>}; an e-mail address always has an {@code @}, a chat key never does. */
    private static final Pattern CHAT_KEY = Pattern.compile("([a-z][a-z0-9_-]*):([^@]+)");

    public Person {
        key = blankToNull(key);
        if (key == null) {
            throw new IllegalArgumentException("a person needs an e-mail address or a chat user id");
        }
        if (!CHAT_KEY.matcher(key).matches()) {
            key = key.toLowerCase(Locale.ROOT);
        }
        displayName = blankToNull(BidiControls.strip(displayName));
    }

    /** Someone known by e-mail (any case). */
    public static Person ofEmail(String email, String displayName) {
        return new Person(email, displayName);
    }

    /** Someone a chat platform knows by {@code userId} but whose e-mail LeaveBot cannot see. */
    public static Person ofChatUser(String channel, String userId, String displayName) {
        String id = blankToNull(userId);
        if (id == null) {
            throw new IllegalArgumentException("a person needs an e-mail address or a chat user id");
        }
        return new Person(channel + ":" + id, displayName);
    }

    /**
     * Reads a person as serialized now ({@code key}) or before, when a person was
     * {@code {"slackUserId", "email", "displayName"}}: recorded workflow histories hold such people.
     */
    @JsonCreator
    static Person fromJson(@JsonProperty("key") String key, @JsonProperty("displayName") String displayName,
            @JsonProperty("email") String email, @JsonProperty("slackUserId") String slackUserId) {
        return key != null ? new Person(key, displayName) : ofEmailOrSlack(email, slackUserId, displayName);
    }

    /**
     * The person stored with an e-mail and a Slack user id, either of which may be missing, as 0.1.0 wrote people:
     * known by the e-mail when there is one.
     *
     * @throws IllegalArgumentException when both are missing
     */
    public static Person ofEmailOrSlack(String email, String slackUserId, String displayName) {
        return blankToNull(email) != null ? ofEmail(email, displayName) : ofChatUser("slack", slackUserId, displayName);
    }

    /** The e-mail address, when the person is known by one; else null. */
    public String email() {
        return CHAT_KEY.matcher(key).matches() ? null : key;
    }

    /** The person's id on {@code channel} when they are known by it (their key is {@code <channel>:<id>}); else empty. */
    public Optional<String> chatUserId(String channel) {
        Matcher chat = CHAT_KEY.matcher(key);
        return chat.matches() && chat.group(1).equals(channel) ? Optional.of(chat.group(2)) : Optional.empty();
    }

    /** How to address the person in a message. */
    public String name() {
        if (displayName != null) {
            return displayName;
        }
        Matcher chat = CHAT_KEY.matcher(key);
        return chat.matches() ? chat.group(2) : key;
    }

    public boolean isSameAs(Person other) {
        return other != null && key.equals(other.key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
