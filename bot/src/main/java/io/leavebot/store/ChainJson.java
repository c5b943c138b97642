package io.leavebot.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.Person;
import io.leavebot.leave.StageApprover;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request's {@link ApprovalChain} as the stores keep it: one JSON document, in a column (SQLite) or an attribute
 * (DynamoDB). Its fields are written here by name, not by reflection over the records, so renaming a Java field
 * cannot change stored data; {@code "v"} is the document's version, for a later change of shape. People are their
 * {@link Person#key()} and display name. Fields added later within a version ({@code answerBy},
 * {@code previousCallbackId}) may be missing, and read as null.
 */
final class ChainJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VERSION = 1;
    /**
     * Chains read or written lately, by their text. The same rows are read again and again (every step loads its
     * request; each approval request and reminder lists the approver's team who are away, some twenty rows), and a
     * chain is immutable records, so one read serves all; parsing was a tenth of the Slack front end's CPU per
     * command. A chain written is kept too: its text reads back as an equal chain, and most are read soon after
     * (the team's next approval request lists it). Emptied when full: simpler than an LRU, and a cold miss only
     * costs a parse.
     */
    private static final Map<String, ApprovalChain> READ_LATELY = new ConcurrentHashMap<>();
    private static final int MOST_READ_LATELY = 4096;

    private ChainJson() {
    }

    static String write(ApprovalChain chain) {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", VERSION);
        ObjectNode onTimeout = root.putObject("onTimeout");
        onTimeout.put("action", chain.onTimeout().action().name());
        putPerson(onTimeout, "escalateTo", chain.onTimeout().escalateTo());
        ArrayNode stages = root.putArray("stages");
        for (ApprovalStage stage : chain.stages()) {
            ObjectNode s = stages.addObject();
            s.put("name", stage.name());
            s.put("rule", stage.rule().name());
            s.put("status", stage.status().name());
            putDecision(s, stage.decision());
            ArrayNode places = s.putArray("approvers");
            for (StageApprover a : stage.approvers()) {
                ObjectNode p = places.addObject();
                putPerson(p, "approver", a.approver());
                putPerson(p, "standIn", a.standIn());
                p.put("callbackId", a.callbackId());
                p.put("messageKey", a.messageKey());
                p.put("answer", a.answer() == null ? null : a.answer().name());
                putDecision(p, a.decision());
                p.put("escalated", a.escalated());
                p.put("answerBy", a.answerBy() == null ? null : a.answerBy().toString());
                p.put("awayUntil", a.awayUntil() == null ? null : a.awayUntil().toString());
                p.put("previousCallbackId", a.previousCallbackId());
            }
        }
        String text = root.toString();
        remember(text, chain);
        return text;
    }

    /** @throws IllegalStateException when the text is not a chain this LeaveBot can read */
    static ApprovalChain read(String text) {
        ApprovalChain chain = READ_LATELY.get(text);
        if (chain == null) {
            chain = parse(text);
            remember(text, chain);
        }
        return chain;
    }

    private static void remember(String text, ApprovalChain chain) {
        if (READ_LATELY.size() >= MOST_READ_LATELY) {
            READ_LATELY.clear();
        }
        READ_LATELY.put(text, chain);
    }

    /** The chain {@code text} spells, parsed (not from what was read or written lately). */
    static ApprovalChain parse(String text) {
        try {
            JsonNode root = JSON.readTree(text);
            if (root.path("v").asInt() != VERSION) {
                throw new IllegalStateException("an approval chain of version " + root.path("v") + ", which this LeaveBot cannot read");
            }
            JsonNode t = root.path("onTimeout");
            OnTimeout onTimeout = new OnTimeout(OnTimeout.Action.valueOf(t.path("action").asText()), person(t.get("escalateTo")));
            List<ApprovalStage> stages = new ArrayList<>();
            for (JsonNode s : root.path("stages")) {
                List<StageApprover> places = new ArrayList<>();
                for (JsonNode p : s.path("approvers")) {
                    places.add(new StageApprover(person(p.get("approver")), person(p.get("standIn")), text(p, "callbackId"),
                            text(p, "messageKey"), status(p.get("answer")), decision(p.get("decision")), p.path("escalated").asBoolean(),
                            IsoText.instant(text(p, "answerBy")), text(p, "previousCallbackId"), IsoText.date(text(p, "awayUntil"))));
                }
                stages.add(new ApprovalStage(text(s, "name"), ApprovalRule.valueOf(s.path("rule").asText()), places,
                        status(s.get("status")), decision(s.get("decision"))));
            }
            return new ApprovalChain(stages, onTimeout);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("a stored approval chain cannot be read: " + e.getMessage(), e);
        }
    }

    private static void putPerson(ObjectNode into, String field, Person person) {
        if (person == null) {
            into.putNull(field);
            return;
        }
        ObjectNode p = into.putObject(field);
        p.put("key", person.key());
        p.put("name", person.displayName());
    }

    private static Person person(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Person(node.path("key").asText(), text(node, "name"));
    }

    private static void putDecision(ObjectNode into, Decision decision) {
        if (decision == null) {
            into.putNull("decision");
            return;
        }
        ObjectNode d = into.putObject("decision");
        putPerson(d, "by", decision.by());
        d.put("at", decision.at() == null ? null : decision.at().toString());
        d.put("comment", decision.comment());
    }

    private static Decision decision(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return new Decision(person(node.get("by")), IsoText.instant(text(node, "at")), text(node, "comment"));
    }

    private static LeaveStatus status(JsonNode node) {
        return node == null || node.isNull() ? null : LeaveStatus.valueOf(node.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
