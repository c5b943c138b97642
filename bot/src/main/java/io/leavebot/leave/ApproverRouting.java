package io.leavebot.leave;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who approves whom: a default approver plus per-employee overrides, read from JSON (a file, or text such as an
 * environment variable). Overrides are keyed by the employee's e-mail address (any case) or Slack user id
 * ({@code U0ANN} or {@code slack:U0ANN}); an e-mail match wins over a Slack id match. Each approver has an
 * {@code email}, a {@code slack} user id or both, and an optional display {@code name}. {@code default} may be left
 * out, and then only the listed employees have an approver.
 *
 * <pre>{@code
 * {
 *   "default":   {"email": "bea@example.com", "slack": "U0BEA", "name": "Bea Boss"},
 *   "overrides": {
 *     "bea@example.com": {"email": "cleo@example.com", "name": "Cleo CEO"},
 *     "U0DAN":           {"slack": "U0BEA", "name": "Bea Boss"}
 *   }
 * }
 * }</pre>
 */
public final class ApproverRouting {
    private static final Set<String> TOP_LEVEL = Set.of("default", "overrides");
    private static final Set<String> APPROVER_FIELDS = Set.of("email", "slack", "name");
    /** The chat channel whose user ids the file names, as {@link Person#chatUserId} and the address book call it. */
    public static final String SLACK = "slack";

    private final Person fallback;
    private final Map<String, Person> overrides;
    /** The Slack user ids the file gives beside e-mail addresses, by {@link Person#key()}. */
    private final Map<String, String> slackIds;

    private ApproverRouting(Person fallback, Map<String, Person> overrides, Map<String, String> slackIds) {
        this.fallback = fallback;
        this.overrides = Map.copyOf(overrides);
        this.slackIds = Map.copyOf(slackIds);
    }

    /**
     * Reads the routing file.
     *
     * @throws IllegalArgumentException naming the file and the problem when it is missing, unreadable, not JSON, or
     *                                  not in the format above
     */
    public static ApproverRouting fromFile(Path file) {
        String source = "file " + file.toAbsolutePath();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw problem(source, "the file does not exist (create it, or point the setting at the right file)");
        } catch (IOException e) {
            throw problem(source, "the file cannot be read: " + e.getMessage());
        }
        return fromJson(text, source);
    }

    /**
     * Reads routing given as JSON text in the format above, such as the value of an environment variable.
     *
     * @param source where the text comes from, for messages: "The approver routing {@code source} cannot be used: …",
     *               e.g. {@code "in LEAVEBOT_ROUTING"}
     * @throws IllegalArgumentException naming the source and the problem when the text is not JSON or not in the format
     */
    public static ApproverRouting fromJson(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw problem(source, "it is not valid JSON: " + e.getOriginalMessage() + at);
        }
        return parse(source, root);
    }

    /**
     * The approver a setting names by e-mail (such as the one approver of everyone), with an optional display name.
     *
     * @throws IllegalArgumentException naming the setting when the address cannot be used
     */
    public static Person approverOf(String email, String name, String setting) {
        EmailAddresses.problem(email.trim()).ifPresent(wrong -> {
            throw problem("in " + setting, "\"" + email + "\" " + wrong);
        });
        return Person.ofEmail(email, name);
    }

    /** Everyone is approved by {@code approver}. */
    public static ApproverRouting single(Person approver) {
        return new ApproverRouting(approver, Map.of(), Map.of());
    }

    /** A default approver (may be null) and overrides keyed by employee e-mail or Slack user id. */
    public static ApproverRouting of(Person defaultApprover, Map<String, Person> overrides) {
        Map<String, Person> normalised = new HashMap<>();
        overrides.forEach((key, approver) -> normalised.put(normalise(key), approver));
        return new ApproverRouting(defaultApprover, normalised, Map.of());
    }

    /**
     * The Slack user ids the file gives for approvers it names by e-mail, by {@link Person#key()}: for the chat
     * address book, so that they are reached in Slack even before Slack showed LeaveBot who they are.
     */
    public Map<String, String> slackIds() {
        return slackIds;
    }

    /** The employee's approver; empty when none is configured. */
    public Optional<Person> approverFor(Person employee) {
        return approverFor(employee, Optional.empty());
    }

    /**
     * The employee's approver, matching overrides keyed by Slack user id also for an employee known by e-mail, whose
     * Slack user id (from the chat address book) is {@code slackUserId}; empty when none is configured.
     */
    public Optional<Person> approverFor(Person employee, Optional<String> slackUserId) {
        Person byEmail = employee.email() == null ? null : overrides.get(normalise(employee.email()));
        Person bySlack = employee.chatUserId(SLACK).or(() -> slackUserId).map(id -> overrides.get(normalise(id))).orElse(null);
        return Optional.ofNullable(byEmail != null ? byEmail : bySlack != null ? bySlack : fallback);
    }

    private static ApproverRouting parse(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw problem(source, "expected a JSON object with \"default\" and/or \"overrides\"");
        }
        rejectUnknown(source, root, TOP_LEVEL, "the top level");
        Map<String, String> slackIds = new HashMap<>();
        Person fallback = root.has("default") ? approver(source, root.get("default"), "\"default\"", slackIds) : null;
        Map<String, Person> overrides = new HashMap<>();
        JsonNode list = root.get("overrides");
        if (list != null && !list.isObject()) {
            throw problem(source, "\"overrides\" must be an object mapping an employee's e-mail or Slack id to an approver");
        }
        if (list != null) {
            for (Map.Entry<String, JsonNode> entry : list.properties()) {
                String where = "\"overrides\".\"" + entry.getKey() + "\"";
                if (entry.getKey().isBlank()) {
                    throw problem(source, "an override has an empty employee key");
                }
                if (overrides.put(normalise(entry.getKey()), approver(source, entry.getValue(), where, slackIds)) != null) {
                    throw problem(source, where + " is listed twice");
                }
            }
        }
        if (fallback == null && overrides.isEmpty()) {
            throw problem(source, "it names no approver at all; add a \"default\" approver or some \"overrides\"");
        }
        return new ApproverRouting(fallback, overrides, slackIds);
    }

    /**
     * An approver entry: known by its {@code email} when it has one, else by its Slack user id (then a click by them
     * is matched through the id the address book keeps for the e-mail Slack shows for them). The Slack id of an
     * approver named by e-mail goes to {@code slackIds}.
     */
    private static Person approver(String source, JsonNode node, String where, Map<String, String> slackIds) {
        if (node == null || !node.isObject()) {
            throw problem(source, where + " must be an object like {\"email\": \"bea@example.com\", \"slack\": \"U0BEA\", \"name\": \"Bea\"}");
        }
        rejectUnknown(source, node, APPROVER_FIELDS, where);
        String email = text(source, node, "email", where);
        String slack = text(source, node, "slack", where);
        if (email == null && slack == null) {
            throw problem(source, where + " needs an \"email\" or a \"slack\" user id");
        }
        if (email != null) {
            EmailAddresses.problem(email.trim()).ifPresent(wrong -> {
                throw problem(source, where + " has \"email\": \"" + email + "\", which " + wrong);
            });
        }
        String name = text(source, node, "name", where);
        if (email == null) {
            return Person.ofChatUser(SLACK, slack, name);
        }
        Person approver = Person.ofEmail(email, name);
        if (slack != null) {
            slackIds.put(approver.key(), slack.trim());
        }
        return approver;
    }

    private static String text(String source, JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw problem(source, where + " has a non-text \"" + field + "\"; write it in quotes");
        }
        return value.asText().isBlank() ? null : value.asText();
    }

    private static void rejectUnknown(String source, JsonNode node, Set<String> known, String where) {
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                throw problem(source, where + " has an unknown field \"" + name + "\"; allowed are " + String.join(", ", known.stream().sorted().toList()));
            }
        });
    }

    private static String normalise(String key) {
        String trimmed = key.trim();
        String id = trimmed.startsWith("slack:") ? trimmed.substring("slack:".length()) : trimmed;
        return id.contains("@") ? id.toLowerCase(Locale.ROOT) : id;
    }

    private static IllegalArgumentException problem(String source, String what) {
        return new IllegalArgumentException("The approver routing " + source + " cannot be used: " + what + ".");
    }
}
