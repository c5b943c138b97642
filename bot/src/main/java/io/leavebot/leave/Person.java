package io.leavebot.leave;

import java.util.Locale;

/**
 * Someone LeaveBot talks to: a Slack user, an e-mail address, or both. People are matched across channels by
 * e-mail, so {@link #key()} is the lower-cased e-mail when there is one.
 */
public record Person(String slackUserId, String email, String displayName) {

    public Person {
        slackUserId = blankToNull(slackUserId);
        email = blankToNull(email) == null ? null : email.trim().toLowerCase(Locale.ROOT);
        displayName = blankToNull(BidiControls.strip(displayName));
        if (slackUserId == null && email == null) {
            throw new IllegalArgumentException("a person needs a Slack user id or an e-mail address");
        }
    }

    public static Person ofEmail(String email, String displayName) {
        return new Person(null, email, displayName);
    }

    public static Person ofSlack(String slackUserId, String email, String displayName) {
        return new Person(slackUserId, email, displayName);
    }

    /** Stable identity across channels: the e-mail if known, else {@code slack:<user id>}. */
    public String key() {
        return email != null ? email : "slack:" + slackUserId;
    }

    /** How to address the person in a message. */
    public String name() {
        return displayName != null ? displayName : email != null ? email : slackUserId;
    }

    public boolean isSameAs(Person other) {
        return other != null && (key().equals(other.key())
                || slackUserId != null && slackUserId.equals(other.slackUserId)); // a Slack click may carry only the id
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
