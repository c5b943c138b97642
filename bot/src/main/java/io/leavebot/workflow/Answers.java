package io.leavebot.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The wire form of an {@link Answer} on the approval callback, written and read only here. An approval completes
 * the callback with success, its result the answer as JSON:
 *
 * <pre>{"requestId": "api-42", "outcome": "APPROVED", "by": {"email": "grace@example.com"}, "comment": "Enjoy"}</pre>
 *
 * The decider is written by {@code email}, or by {@code slackUserId} when Slack showed LeaveBot no e-mail for them.
 * Answers recorded before carry both; one with an e-mail is read as the person known by it, whatever its Slack id.
 *
 * A rejection or a withdrawal completes it with failure, error type {@value #REJECTED} or {@value #CANCELLED}, a
 * short message, and the answer as JSON in the error data. An operator completing a callback by hand sends the
 * success form above with any of the three outcomes (the README shows the AWS CLI command).
 *
 * <p>Reading is strict, because anyone holding a callback id can complete it: the result must be exactly this
 * shape (no other fields, a known outcome, a decider with an e-mail or Slack id); anything else is
 * {@link Received.Unreadable}, and the workflow asks the approver again instead of deciding. Whether the decider
 * may decide is {@link AnswerCheck}'s part.
 */
public final class Answers {
    /** Error type of a callback failure that rejects the request. */
    public static final String REJECTED = "LeaveBot.Rejected";
    /** Error type of a callback failure that withdraws the request. */
    public static final String CANCELLED = "LeaveBot.Cancelled";

    /** The wire outcome of {@link Answer#reassign}. */
    static final String REASSIGN = "REASSIGN";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANSWER_FIELDS = Set.of("requestId", "outcome", "by", "comment");
    private static final Set<String> PERSON_FIELDS = Set.of("email", "slackUserId", "displayName");
    /** Longest answer read, in characters: far above any real one, so a huge result cannot fill the audit. */
    private static final int MOST_CHARACTERS = 10_000;

    /**
     * Hands the callback's result to {@link #read} as the text the caller sent: a result that is not JSON must be
     * refused by the workflow, not fail the execution while it is being deserialized.
     */
    private static final SerDes AS_SENT = new SerDes() {
        @Override
        public String serialize(Object value) {
            return value == null ? null : value.toString();
        }

        @Override
        public <T> T deserialize(String json, Class<T> type) {
            return type.cast(json);
        }
    };

    private Answers() {
    }

    /** How the wait for one approval callback ended. */
    sealed interface Received {
        /** When the service completed the callback, the same on every replay. */
        Instant at();

        /** A well-formed answer, still to be checked against the request. */
        record Given(Answer answer, Instant at) implements Received {
        }

        /** A result or failure that is not an answer; {@code reason} says why, for the audit. */
        record Unreadable(String reason, Instant at) implements Received {
        }

        /** Nobody answered in time. */
        record TimedOut(Instant at) implements Received {
        }
    }

    /**
     * Completes the approval callback with the answer.
     *
     * @throws io.leavebot.durable.DurableServiceException.CallbackClosedException if it was already completed or timed out
     */
    public static void send(DurableClient client, String callbackId, Answer answer) {
        if (answer.outcome() == LeaveStatus.APPROVED || answer.isReassignment()) {
            client.succeedCallback(callbackId, write(answer));
        } else {
            client.failCallback(callbackId, failure(answer));
        }
    }

    /** The options of an approval callback: its timeout, and its result read as sent (see {@link #AS_SENT}). */
    static CallbackConfig callbackConfig(Duration timeout) {
        return CallbackConfig.timeout(timeout).withSerDes(AS_SENT);
    }

    /** The callback failure that carries a rejection or a withdrawal. */
    static ErrorObject failure(Answer answer) {
        return switch (answer.outcome()) {
            case REJECTED -> new ErrorObject(REJECTED, "rejected by " + by(answer), write(answer), null);
            case CANCELLED -> new ErrorObject(CANCELLED, "withdrawn by " + by(answer), write(answer), null);
            default -> throw new IllegalArgumentException("an approval is sent as the callback's success, not as a failure");
        };
    }

    /** Waits for the approval callback (suspending the execution while it is open) and reads how it ended. */
    static Received await(DurableFuture<String> approval) {
        try {
            String result = approval.get();
            return read(result, approval.completedAt());
        } catch (CallbackFailedException e) {
            return read(e.error(), approval.completedAt());
        } catch (CallbackTimeoutException e) {
            return new Received.TimedOut(approval.completedAt());
        }
    }

    /** A callback success: the answer in the shape above, with any outcome. */
    static Received read(String result, Instant at) {
        try {
            return new Received.Given(parse(result), at);
        } catch (NotAnAnswer e) {
            return new Received.Unreadable(e.getMessage(), at);
        }
    }

    /** A callback failure: only the two LeaveBot writes, each carrying an answer with the matching outcome. */
    static Received read(ErrorObject error, Instant at) {
        String type = error == null ? null : error.errorType();
        LeaveStatus expected = REJECTED.equals(type) ? LeaveStatus.REJECTED : CANCELLED.equals(type) ? LeaveStatus.CANCELLED : null;
        if (expected == null) {
            return new Received.Unreadable("a callback failure of type " + quoted(type) + ", which is not an answer", at);
        }
        Received read = read(error.errorData(), at);
        if (read instanceof Received.Given given && given.answer().outcome() != expected) {
            return new Received.Unreadable("a failure of type " + type + " carrying the outcome " + given.answer().outcome(), at);
        }
        return read;
    }

    static String write(Answer answer) {
        ObjectNode json = JSON.createObjectNode();
        json.put("requestId", answer.requestId());
        json.put("outcome", answer.isReassignment() ? REASSIGN : answer.outcome().name());
        if (answer.by() != null) {
            ObjectNode by = json.putObject("by");
            if (answer.by().email() != null) {
                by.put("email", answer.by().email());
            } else {
                by.put("slackUserId", answer.by().chatUserId("slack").orElse(null));
            }
            by.put("displayName", answer.by().displayName());
        }
        json.put("comment", answer.comment());
        return json.toString();
    }

    private static Answer parse(String text) throws NotAnAnswer {
        if (text == null || text.isBlank()) {
            throw new NotAnAnswer("an empty result");
        }
        if (text.length() > MOST_CHARACTERS) {
            throw new NotAnAnswer("a result of " + text.length() + " characters, more than an answer has");
        }
        JsonNode json;
        try {
            json = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new NotAnAnswer("a result that is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new NotAnAnswer("a result that is not a JSON object");
        }
        onlyFields(json, ANSWER_FIELDS, "");
        String requestId = text(json, "requestId");
        String outcome = text(json, "outcome");
        if (outcome == null) {
            throw new NotAnAnswer("an answer without an outcome");
        }
        LeaveStatus status = switch (outcome) {
            case "APPROVED" -> LeaveStatus.APPROVED;
            case "REJECTED" -> LeaveStatus.REJECTED;
            case "CANCELLED" -> LeaveStatus.CANCELLED;
            case REASSIGN -> LeaveStatus.PENDING;
            default -> throw new NotAnAnswer("the unknown outcome " + quoted(outcome)
                    + " (an answer's outcome is APPROVED, REJECTED, CANCELLED or " + REASSIGN + ")");
        };
        return new Answer(status, person(json.get("by")), text(json, "comment"), requestId);
    }

    private static Person person(JsonNode by) throws NotAnAnswer {
        if (by == null || by.isNull()) {
            throw new NotAnAnswer("an answer that names no decider");
        }
        if (!by.isObject()) {
            throw new NotAnAnswer("an answer whose decider is not a JSON object");
        }
        onlyFields(by, PERSON_FIELDS, "by.");
        String email = text(by, "email");
        String slackUserId = text(by, "slackUserId");
        if (email == null && slackUserId == null) {
            throw new NotAnAnswer("an answer whose decider has neither an e-mail nor a Slack user id");
        }
        try {
            return Person.ofEmailOrSlack(email, slackUserId, text(by, "displayName"));
        } catch (IllegalArgumentException e) {
            throw new NotAnAnswer("an answer whose decider is not a person: " + e.getMessage());
        }
    }

    private static void onlyFields(JsonNode object, Set<String> known, String prefix) throws NotAnAnswer {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                throw new NotAnAnswer("an answer with the unknown field " + quoted(prefix + name));
            }
        }
    }

    /** A text field, or null when absent or JSON null; any other kind of value is refused. */
    private static String text(JsonNode object, String field) throws NotAnAnswer {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new NotAnAnswer("an answer whose " + field + " is not text");
        }
        return value.asText();
    }

    private static String quoted(String value) {
        if (value == null) {
            return "none";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return "\"" + shown + "\"";
    }

    private static String by(Answer answer) {
        return answer.by() == null ? "someone" : answer.by().name();
    }

    /** Why a callback's result is not an answer. */
    private static final class NotAnAnswer extends Exception {
        NotAnAnswer(String reason) {
            super(reason, null, false, false);
        }
    }
}
