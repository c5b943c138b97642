package io.leavebot.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.EmailAddresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A member's approvers as the people file writes them — the routing file's chains ({@link ApproverRouting}) with
 * every person an e-mail address in quotes — checked, and written out in the routing file's format, so that a chain
 * means the same in the workspace as in a routing file. See {@link People} for the format.
 */
final class MemberChains {
    static final String MANAGER = "manager";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> GROUP_FIELDS = Set.of("name", "any", "all");
    private static final Set<String> CHAIN_FIELDS = Set.of("stages", "onTimeout");

    /**
     * One member's chain, checked: its stages (each an e-mail, or a group {@code {"name": …, "any"|"all": [e-mails]}},
     * addresses in lower case) and its own {@code onTimeout} (null: the file's).
     */
    record Chain(ArrayNode stages, JsonNode onTimeout) {
        /** The first approver of the first stage: whose approver "the manager" is when the chain escalates. */
        String firstEmail() {
            JsonNode first = stages.get(0);
            return first.isTextual() ? first.asText() : first.get(first.has("any") ? "any" : "all").get(0).asText();
        }

        /** Everyone the chain names, the escalation's person included. */
        List<String> emails() {
            List<String> emails = new ArrayList<>();
            for (JsonNode stage : stages) {
                if (stage.isTextual()) {
                    emails.add(stage.asText());
                } else {
                    stage.get(stage.has("any") ? "any" : "all").forEach(e -> emails.add(e.asText()));
                }
            }
            escalatesTo(onTimeout).ifPresent(emails::add);
            return emails;
        }

        /**
         * The chain in the routing file's format, {@code {"stages": [...], "onTimeout": ...}}, each person as
         * {@code {"email": …, "name": …}}; {@code onTimeout} is the one to apply, "manager" already resolved.
         */
        ObjectNode routing(JsonNode onTimeout, Function<String, String> nameOf) {
            ArrayNode out = NODES.arrayNode();
            for (JsonNode stage : stages) {
                if (stage.isTextual()) {
                    out.add(person(stage.asText(), nameOf));
                } else {
                    String rule = stage.has("any") ? "any" : "all";
                    ObjectNode group = out.addObject();
                    if (stage.has("name")) {
                        group.put("name", stage.get("name").asText());
                    }
                    ArrayNode people = group.putArray(rule);
                    stage.get(rule).forEach(e -> people.add(person(e.asText(), nameOf)));
                }
            }
            ObjectNode chain = NODES.objectNode().set("stages", out);
            JsonNode to = escalatesTo(onTimeout).<JsonNode>map(e -> NODES.objectNode().set("escalate", person(e, nameOf)))
                    .orElse(onTimeout);
            return chain.set("onTimeout", to);
        }
    }

    private MemberChains() {
    }

    /**
     * Reads a member's {@code approver} (or {@code approvers}): an e-mail, a list of stages, one group, or
     * {@code {"stages": [...], "onTimeout": ...}}.
     *
     * @param who how messages name the field, e.g. "Sam Rivera's approvers"
     * @throws IllegalArgumentException saying what is wrong (People adds where)
     */
    static Chain read(JsonNode node, String who) {
        ArrayNode stages = NODES.arrayNode();
        JsonNode onTimeout = null;
        if (node.isArray()) {
            node.forEach(stage -> stages.add(stage(stage, who)));
        } else if (node.isObject() && node.has("stages")) {
            unknownFields(node, CHAIN_FIELDS, who);
            if (!node.get("stages").isArray()) {
                throw wrong("\"stages\" in " + who + " must be a list of stages");
            }
            node.get("stages").forEach(stage -> stages.add(stage(stage, who)));
            onTimeout = node.has("onTimeout") ? onTimeout(node.get("onTimeout"), "\"onTimeout\" in " + who) : null;
        } else {
            stages.add(stage(node, who));
        }
        if (stages.isEmpty() || stages.size() > ApprovalChain.MOST_STAGES) {
            throw wrong(who + " must have 1 to " + ApprovalChain.MOST_STAGES + " stages, not " + stages.size());
        }
        return new Chain(stages, onTimeout);
    }

    /**
     * Reads an {@code onTimeout}: {@code "expire"}, {@code "approve"}, {@code {"escalate": "manager"}} or
     * {@code {"escalate": "<e-mail>"}}; returns it with the address in lower case.
     */
    static JsonNode onTimeout(JsonNode node, String where) {
        if (node.isTextual() && (node.asText().equals("expire") || node.asText().equals("approve"))) {
            return node;
        }
        if (node.isObject() && node.size() == 1 && node.has("escalate") && node.get("escalate").isTextual()) {
            String to = node.get("escalate").asText().trim();
            return to.equals(MANAGER) ? node : NODES.objectNode().put("escalate", email(node.get("escalate"), where));
        }
        throw wrong(where + " must be \"expire\", \"approve\", {\"escalate\": \"manager\"} or {\"escalate\": \"<e-mail>\"}");
    }

    /** True for {@code {"escalate": "manager"}}. */
    static boolean escalatesToManager(JsonNode onTimeout) {
        return onTimeout != null && onTimeout.has("escalate") && onTimeout.get("escalate").asText().equals(MANAGER);
    }

    /** Who an {@code onTimeout} escalates to by e-mail, if it does. */
    static Optional<String> escalatesTo(JsonNode onTimeout) {
        return onTimeout != null && onTimeout.has("escalate") && !escalatesToManager(onTimeout)
                ? Optional.of(onTimeout.get("escalate").asText()) : Optional.empty();
    }

    private static JsonNode stage(JsonNode node, String who) {
        if (node.isTextual()) {
            return NODES.textNode(email(node, who));
        }
        if (!node.isObject() || node.has("any") == node.has("all")) {
            throw wrong(who + " has a stage that is neither an e-mail address in quotes nor a group like "
                    + "{\"name\": \"HR\", \"any\": [\"hana@example.com\", \"omar@example.com\"]} (or \"all\")");
        }
        unknownFields(node, GROUP_FIELDS, who);
        String rule = node.has("any") ? "any" : "all";
        JsonNode members = node.get(rule);
        if (!members.isArray() || members.isEmpty() || members.size() > ApprovalChain.MOST_APPROVERS) {
            throw wrong(who + " has a group whose \"" + rule + "\" is not a list of 1 to " + ApprovalChain.MOST_APPROVERS + " e-mail addresses");
        }
        ObjectNode group = NODES.objectNode();
        if (node.hasNonNull("name")) {
            if (!node.get("name").isTextual()) {
                throw wrong(who + " has a group whose \"name\" is not text in quotes");
            }
            group.put("name", node.get("name").asText());
        }
        ArrayNode emails = group.putArray(rule);
        Set<String> seen = new HashSet<>();
        for (JsonNode member : members) {
            String email = email(member, who);
            if (!seen.add(email)) {
                throw wrong(who + " has a group that names " + email + " twice");
            }
            emails.add(email);
        }
        return group;
    }

    private static String email(JsonNode node, String who) {
        if (!node.isTextual() || node.asText().isBlank()) {
            throw wrong(who + " must name people by e-mail address, in quotes");
        }
        String value = node.asText().trim();
        EmailAddresses.problem(value).ifPresent(problem -> {
            throw wrong(who + " names \"" + value + "\", which " + problem);
        });
        return value.toLowerCase(Locale.ROOT);
    }

    private static ObjectNode person(String email, Function<String, String> nameOf) {
        ObjectNode person = NODES.objectNode().put("email", email);
        String name = nameOf.apply(email);
        return name == null ? person : person.put("name", name);
    }

    private static void unknownFields(JsonNode node, Set<String> known, String who) {
        node.fieldNames().forEachRemaining(field -> {
            if (!known.contains(field)) {
                throw wrong(who + " has an unknown field \"" + field + "\"; allowed are " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static IllegalArgumentException wrong(String what) {
        return new IllegalArgumentException(what);
    }
}
