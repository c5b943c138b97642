package io.leavebot.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the JSON API answers, in one place: a leave request as integrations see it, the error body
 * {@code {"error": "...", "fields": {...}}}, and the wording of its messages. Callback ids and execution names
 * are never shown: a callback id decides a request.
 */
final class ApiAnswers {
    /** The validator's field names, as the API's JSON calls them. */
    private static final Map<String, String> JSON_FIELDS = Map.of(
            LeaveValidator.EMPLOYEE, SubmissionJson.EMPLOYEE_EMAIL,
            LeaveValidator.START, SubmissionJson.START_DATE,
            LeaveValidator.END, SubmissionJson.END_DATE,
            LeaveValidator.TYPE, SubmissionJson.TYPE,
            LeaveValidator.HALF_DAY, SubmissionJson.HALF_DAY,
            LeaveValidator.REASON, SubmissionJson.REASON);

    private ApiAnswers() {
    }

    /** The validator's errors keyed by the API's field names (a field the API has no name for keeps its own). */
    static Map<String, String> inJsonFields(Map<String, String> validatorErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        validatorErrors.forEach((field, message) -> out.put(JSON_FIELDS.getOrDefault(field, field), message));
        return out;
    }

    static String fieldsNeedAttention(Map<String, String> errors) {
        return fieldsNeedAttention("The leave request", errors);
    }

    /** @param what what was not accepted, e.g. "The decision" */
    static String fieldsNeedAttention(String what, Map<String, String> errors) {
        return what + " was not accepted. Please correct " + (errors.size() == 1 ? "this field: " : "these fields: ")
                + String.join(", ", errors.keySet()) + " (see \"fields\").";
    }

    static String accepted(String id) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("id", id);
        body.put("status", "PENDING");
        return write(body);
    }

    static String error(String message, Map<String, String> fields) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("error", message);
        ObjectNode byField = body.putObject("fields");
        fields.forEach(byField::put);
        return write(body);
    }

    /** The answer to an accepted decision or withdrawal: the request and the outcome on its way. */
    static String answered(String id, LeaveStatus outcome) {
        return answered(id, LeaveStatus.PENDING, outcome);
    }

    /** As {@link #answered(String, LeaveStatus)}, for a request that stands at {@code status} until the workflow has it. */
    static String answered(String id, LeaveStatus status, LeaveStatus outcome) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("id", id);
        body.put("status", status.name());
        body.put("answer", outcome.name());
        body.put("message", "The answer is with the workflow, which records it and tells everyone; GET "
                + LeaveApi.PATH + "/" + id + " shows the outcome.");
        return write(body);
    }

    /** A request with its status, dates, working days, type, people, decision and audit. */
    static String leave(LeaveRequest leave, List<AuditEntry> audit) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("id", leave.id());
        body.put("status", leave.status().name());
        body.put(SubmissionJson.START_DATE, leave.start().toString());
        body.put(SubmissionJson.END_DATE, leave.end().toString());
        body.put(SubmissionJson.HALF_DAY, leave.halfDay());
        double days = leave.workingDays();
        if (days == Math.rint(days)) {
            body.put("working_days", (long) days);
        } else {
            body.put("working_days", days);
        }
        body.put(SubmissionJson.TYPE, leave.type());
        body.put(SubmissionJson.REASON, leave.reason());
        person(body, "employee", leave.employee());
        person(body, "approver", leave.chain().firstApprover());
        body.set("approval_chain", chain(leave));
        body.put("created_at", leave.createdAt() == null ? null : leave.createdAt().toString());
        body.put("updated_at", leave.updatedAt() == null ? null : leave.updatedAt().toString());
        Decision decision = leave.decision();
        if (decision == null) {
            body.putNull("decision");
        } else {
            ObjectNode d = body.putObject("decision");
            d.put("outcome", leave.status().name().toLowerCase(Locale.ROOT));
            person(d, "by", decision.by());
            d.put("at", decision.at() == null ? null : decision.at().toString());
            d.put("comment", decision.comment());
        }
        ArrayNode entries = body.putArray("audit");
        for (AuditEntry entry : audit) {
            ObjectNode e = entries.addObject();
            e.put("event", entry.kind());
            e.put("place", entry.place());
            e.put("round", entry.round());
            e.put("at", entry.at().toString());
            e.put("claimed_by", entry.actor());
            e.put("details", entry.details());
        }
        return write(body);
    }

    /**
     * The chain as the API shows it: each stage, who was asked (and who stood in) and until when their answer is
     * taken, who answered what and when.
     */
    private static ArrayNode chain(LeaveRequest leave) {
        ArrayNode stages = SubmissionJson.JSON.createArrayNode();
        int number = 0;
        Integer current = leave.chain().current().orElse(null);
        for (ApprovalStage stage : leave.chain().stages()) {
            number++;
            ObjectNode s = stages.addObject();
            s.put("stage", number);
            s.put("name", stage.label());
            s.put("rule", stage.rule().name().toLowerCase(Locale.ROOT));
            s.put("status", stage.status().name().toLowerCase(Locale.ROOT));
            s.put("current", current != null && current == number);
            ArrayNode approvers = s.putArray("approvers");
            for (StageApprover place : stage.approvers()) {
                ObjectNode a = approvers.addObject();
                person(a, "approver", place.approver());
                person(a, "stand_in", place.standIn());
                a.put("escalated", place.escalated());
                a.put("asked", place.callbackId() != null);
                a.put("answer_by", place.answerBy() == null ? null : place.answerBy().toString());
                a.put("answer", place.answer() == null ? null : place.answer().name().toLowerCase(Locale.ROOT));
                a.put("answered_at", place.decision() == null || place.decision().at() == null ? null : place.decision().at().toString());
                a.put("comment", place.decision() == null ? null : place.decision().comment());
            }
        }
        return stages;
    }

    private static void person(ObjectNode parent, String name, Person person) {
        if (person == null) {
            parent.putNull(name);
            return;
        }
        ObjectNode p = parent.putObject(name);
        p.put("email", person.email());
        p.put("name", person.name());
    }

    static String write(ObjectNode body) {
        try {
            return SubmissionJson.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
