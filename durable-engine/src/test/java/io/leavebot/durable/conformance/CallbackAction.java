package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry of {@code CallbackActions}: what the outside world does to a callback once its {@code CallbackStarted}
 * event shows up. Each action is used once; a heartbeat leaves the callback open for the next matching action.
 *
 * @param callbackName {@code *}, a name (after substitution) or a regular expression ({@code ${/re/}} or plain)
 * @param payload      success: the value, sent JSON-encoded; failure: an object with ErrorType, ErrorMessage…
 */
record CallbackAction(String callbackName, Operation operation, JsonNode payload, Duration delay) {

    enum Operation {
        SUCCESS, FAILURE, HEARTBEAT;

        static Operation parse(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("CallbackActions Operation must be success, failure or heartbeat, but was '"
                        + text + "'", e);
            }
        }
    }

    private static final Pattern REGEX_FORM = Pattern.compile("^\\$\\{/(.+)/\\}$");

    /** Whether this action is meant for a callback whose event carries {@code eventName} (null if it has none). */
    boolean matches(String eventName, Placeholders placeholders) {
        String wanted = placeholders.substitute(callbackName).asText();
        if (wanted.equals("*")) {
            return true;
        }
        String name = eventName == null ? "" : eventName;
        if (wanted.equals(name)) {
            return true;
        }
        var regexForm = REGEX_FORM.matcher(wanted);
        try {
            return regexForm.matches()
                    ? Pattern.compile(regexForm.group(1)).matcher(name).find()
                    : Pattern.compile(wanted).matcher(name).matches();
        } catch (PatternSyntaxException notARegex) {
            return false;
        }
    }
}
