package io.leavebot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.LeaveValidator.ParsedDate;
import io.leavebot.leave.Person;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code POST /api/leaves} into a {@link LeaveSubmission}, or into the problem with each field.
 * Fields it does not know are ignored, so integrations may send more than LeaveBot reads; {@code null} counts as
 * absent. Dates are read with the validator's own helper, so the API words date errors as Slack and e-mail do.
 */
final class SubmissionJson {
    static final String START_DATE = "start_date";
    static final String END_DATE = "end_date";
    static final String EMPLOYEE_EMAIL = "employee_email";
    static final String TYPE = "type";
    static final String REASON = "reason";
    static final String HALF_DAY = "half_day";
    static final String REQUEST_ID = "request_id";

    /** Client-chosen ids are kept short enough for the execution name ({@code leave-api-<id>}, at most 64). */
    private static final Pattern REQUEST_ID_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SubmissionJson() {
    }

    /**
     * @param defaultType the leave type when the body names none
     * @throws HttpProblem 400 for a body that is not a JSON object, or with every field's problem at once
     */
    static LeaveSubmission read(byte[] body, String defaultType, LocalDate today) {
        JsonNode root = object(body, example(today));
        Map<String, String> errors = new LinkedHashMap<>();
        ParsedDate start = date(root, START_DATE, LeaveValidator.START, today, errors);
        ParsedDate end = date(root, END_DATE, LeaveValidator.END, today, errors);
        String email = text(root, EMPLOYEE_EMAIL, errors);
        if (email == null && !errors.containsKey(EMPLOYEE_EMAIL)) {
            errors.put(EMPLOYEE_EMAIL, "Please give the e-mail address of the person taking leave in \"employee_email\".");
        }
        String type = text(root, TYPE, errors);
        String reason = text(root, REASON, errors);
        boolean halfDay = flag(root, HALF_DAY, errors);
        String requestId = requestId(root, errors);
        if (!errors.isEmpty()) {
            throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention(errors), errors);
        }
        return new LeaveSubmission(requestId, Person.ofEmail(email, null), type == null ? defaultType : type,
                start.date(), end.date(), halfDay, reason);
    }

    /** The id of a request made through the API: the client's {@code request_id} in LeaveBot's namespace. */
    static String leaveId(String clientRequestId) {
        return "api-" + clientRequestId;
    }

    /**
     * The body as a JSON object.
     *
     * @param example a body that would do, named in the message when this one is not JSON or not an object
     * @throws HttpProblem 400 otherwise
     */
    static JsonNode object(byte[] body, String example) {
        JsonNode root;
        try {
            root = body.length == 0 ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " (the problem is at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw HttpProblem.badRequest("The request body is not valid JSON" + where + ". Please send an object such as "
                    + example + ".", Map.of());
        } catch (IOException e) {
            throw HttpProblem.badRequest("The request body could not be read. Please send it again.", Map.of());
        }
        if (root == null || !root.isObject()) {
            throw HttpProblem.badRequest("The request body must be a JSON object such as " + example + ".", Map.of());
        }
        return root;
    }

    private static String example(LocalDate today) {
        return "{\"start_date\": \"" + today.plusDays(7) + "\", \"end_date\": \"" + today.plusDays(9)
                + "\", \"employee_email\": \"ada@example.com\"}";
    }

    private static ParsedDate date(JsonNode root, String name, String field, LocalDate today, Map<String, String> errors) {
        JsonNode node = root.get(name);
        String text = node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
        ParsedDate parsed = LeaveValidator.parseDate(field, text, today);
        if (!parsed.ok()) {
            errors.put(name, parsed.error());
        }
        return parsed;
    }

    /** A text field, null when absent, JSON null or blank; anything but text is an error of the field. */
    static String text(JsonNode root, String name, Map<String, String> errors) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.put(name, "\"" + name + "\" must be a text in double quotes.");
            return null;
        }
        return node.asText().isBlank() ? null : node.asText();
    }

    private static boolean flag(JsonNode root, String name, Map<String, String> errors) {
        JsonNode node = root.get(name);
        if (node != null && !node.isNull() && !node.isBoolean()) {
            errors.put(name, "\"" + name + "\" must be true or false (without quotes).");
        }
        return node != null && node.asBoolean(false);
    }

    private static String requestId(JsonNode root, Map<String, String> errors) {
        String given = text(root, REQUEST_ID, errors);
        if (given == null) {
            return leaveId(UUID.randomUUID().toString());
        }
        if (!REQUEST_ID_SHAPE.matcher(given).matches()) {
            errors.put(REQUEST_ID, "\"request_id\" must be 1 to 40 letters, digits, '-' or '_', for example a UUID.");
        }
        return leaveId(given);
    }
}
