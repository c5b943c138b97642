package io.leavebot.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.LeaveStatus;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads the bodies of the decision API: {@code POST /api/decisions} (by callback id, the shape of the system
 * LeaveBot grew from), {@code POST /api/leaves/{id}/decision} and {@code POST /api/leaves/{id}/withdraw}. Unlike a
 * submission, a decision is read strictly — every field known, every value one of those allowed — because a
 * misspelt field here would otherwise decide something nobody meant.
 */
final class DecisionJson {
    static final String CALLBACK_ID = "callback_id";
    static final String DECISION = "decision";
    static final String COMMENT = "comment";
    static final String DECIDER_EMAIL = "decider_email";
    static final String EMPLOYEE_EMAIL = "employee_email";
    static final String BY = "by";

    /** Longest comment accepted, in characters: as on the decision pages. */
    private static final int MAX_COMMENT = DecisionPages.MAX_COMMENT;
    private static final String BY_CALLBACK_EXAMPLE = "{\"callback_id\": \"<from the approval e-mail>\", \"decision\": \"approve\"}";
    private static final String BY_ID_EXAMPLE = "{\"decision\": \"reject\", \"comment\": \"Release week\"}";

    /**
     * A decision as an integration sends it.
     *
     * @param callbackId   the approval callback it answers; null when it names the request by id
     * @param deciderEmail who decides, if the integration says; otherwise the request's approver
     */
    record Decided(String callbackId, LeaveStatus outcome, String comment, String deciderEmail) {
    }

    private DecisionJson() {
    }

    /** {@code {"callback_id", "decision"}} and optionally {@code "comment"}, {@code "decider_email"}. */
    static Decided byCallback(byte[] body) {
        JsonNode root = SubmissionJson.object(body, BY_CALLBACK_EXAMPLE);
        Map<String, String> errors = new LinkedHashMap<>();
        onlyFields(root, Set.of(CALLBACK_ID, DECISION, COMMENT, DECIDER_EMAIL), errors);
        String callbackId = SubmissionJson.text(root, CALLBACK_ID, errors);
        if (callbackId == null && !errors.containsKey(CALLBACK_ID)) {
            errors.put(CALLBACK_ID, "Please give the callback id from the approval e-mail in \"callback_id\".");
        } else if (callbackId != null && callbackId.length() > 1024) {
            errors.put(CALLBACK_ID, "\"callback_id\" is longer than any callback id LeaveBot gives.");
        }
        return decided(root, callbackId, errors);
    }

    /** {@code {"decision"}} and optionally {@code "comment"}, {@code "decider_email"}. */
    static Decided byRequestId(byte[] body) {
        JsonNode root = SubmissionJson.object(body, BY_ID_EXAMPLE);
        Map<String, String> errors = new LinkedHashMap<>();
        onlyFields(root, Set.of(DECISION, COMMENT, DECIDER_EMAIL), errors);
        return decided(root, null, errors);
    }

    /**
     * An empty body, or {@code {}}, or {@code {"employee_email"}} to say who withdraws.
     *
     * @return the employee's e-mail if given, else null (then the request's employee withdraws)
     */
    static String withdrawal(byte[] body) {
        return whoActs(body, EMPLOYEE_EMAIL, "The withdrawal");
    }

    /**
     * An empty body, or {@code {}}, or {@code {"by"}} to say who cancels (the employee, or an admin).
     *
     * @return the e-mail address of who cancels if given, else null (then the request's employee cancels)
     */
    static String cancellation(byte[] body) {
        return whoActs(body, BY, "The cancellation");
    }

    /** An empty body, or {@code {}}, or an object with only {@code field}: the e-mail address of who acts, or null. */
    private static String whoActs(byte[] body, String field, String what) {
        if (body.length == 0) {
            return null;
        }
        JsonNode root = SubmissionJson.object(body, "{\"" + field + "\": \"ada@example.com\"}");
        Map<String, String> errors = new LinkedHashMap<>();
        onlyFields(root, Set.of(field), errors);
        String email = email(root, field, errors);
        throwIfAny(what, errors);
        return email;
    }

    private static Decided decided(JsonNode root, String callbackId, Map<String, String> errors) {
        String decision = SubmissionJson.text(root, DECISION, errors);
        LeaveStatus outcome = null;
        if (decision == null && !errors.containsKey(DECISION)) {
            errors.put(DECISION, "Please say \"approve\" or \"reject\" in \"decision\".");
        } else if (decision != null) {
            outcome = switch (decision) {
                case "approve" -> LeaveStatus.APPROVED;
                case "reject" -> LeaveStatus.REJECTED;
                default -> {
                    errors.put(DECISION, "\"decision\" is \"approve\" or \"reject\", in lower case.");
                    yield null;
                }
            };
        }
        String comment = SubmissionJson.text(root, COMMENT, errors);
        if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
            errors.put(COMMENT, "\"comment\" is longer than " + MAX_COMMENT + " characters.");
        }
        String decider = email(root, DECIDER_EMAIL, errors);
        throwIfAny("The decision", errors);
        return new Decided(callbackId, outcome, comment == null ? null : comment.strip(), decider);
    }

    private static String email(JsonNode root, String field, Map<String, String> errors) {
        String email = SubmissionJson.text(root, field, errors);
        if (email != null) {
            EmailAddresses.problem(email).ifPresent(problem -> errors.put(field, "\"" + field + "\" " + problem + "."));
        }
        return email;
    }

    private static void onlyFields(JsonNode root, Set<String> known, Map<String, String> errors) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                errors.put(name.length() > 40 ? name.substring(0, 40) : name,
                        "LeaveBot does not know this field; a decision takes only " + String.join(", ", sorted(known)) + ".");
            }
        }
    }

    private static Iterable<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static void throwIfAny(String what, Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention(what, errors), errors);
        }
    }
}
