package io.leavebot.leave;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.LeaveBotNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who approves whom: an approval chain per employee or team, with a default, read from JSON (a file, or text such as
 * an environment variable). Overrides are keyed by the employee's e-mail address (any case) or Slack user id
 * ({@code U0ANN} or {@code slack:U0ANN}); an e-mail match wins over a Slack id match, an override over a team, a
 * team over the default. {@code default} may be left out, and then only the listed employees have approvers.
 *
 * <p>Wherever the file names an approver it takes one person — an {@code email}, a {@code slack} user id or both,
 * and an optional display {@code name}, the format of every earlier LeaveBot — or a chain: a list of stages, each a
 * person or a group, {@code {"any": [...]}} (the first of them to answer decides) or {@code {"all": [...]}} (every
 * one must approve), with an optional {@code "name"}; or {@code {"stages": [...], "onTimeout": ...}}. What happens
 * when a stage gets no answer in time is {@code "onTimeout"}: {@code "expire"} (the default), {@code "approve"},
 * {@code {"escalate": <person>}} or {@code {"escalate": "manager"}} (the stage's approver's own approver); given
 * at the top level it holds for every chain that does not say. {@code "autoApprove"} approves requests as they are
 * made: e.g. one day of sick leave.
 *
 * <pre>{@code
 * {
 *   "default":   [{"email": "bea@example.com", "slack": "U0BEA", "name": "Bea Boss"},
 *                 {"name": "HR", "any": [{"email": "hr1@example.com"}, {"email": "hr2@example.com"}]}],
 *   "overrides": {
 *     "bea@example.com": {"email": "cleo@example.com", "name": "Cleo CEO"},
 *     "U0DAN":           {"slack": "U0BEA", "name": "Bea Boss"}
 *   },
 *   "teams": {"support": {"members": ["ann@example.com", "U0BOB"], "approvers": {"email": "sue@example.com"}}},
 *   "onTimeout": {"escalate": "manager"},
 *   "autoApprove": [{"type": "sick", "maxDays": 1}]
 * }
 * }</pre>
 */
public final class ApproverRouting {
    private static final Set<String> TOP_LEVEL = Set.of("default", "overrides", "teams", "onTimeout", "autoApprove");
    private static final Set<String> APPROVER_FIELDS = Set.of("email", "slack", "name");
    private static final Set<String> GROUP_FIELDS = Set.of("any", "all", "name");
    private static final Set<String> CHAIN_FIELDS = Set.of("stages", "onTimeout");
    private static final Set<String> TEAM_FIELDS = Set.of("members", "approvers");
    private static final Set<String> RULE_FIELDS = Set.of("type", "maxDays");
    /** {@code {"escalate": "manager"}}: the approver's own approver. */
    private static final String MANAGER = "manager";

    /** What a chain does on timeout, as the file says it; escalation to "the manager" is resolved per request. */
    private record Timeout(OnTimeout onTimeout, boolean escalateToManager) {
        static final Timeout EXPIRE = new Timeout(OnTimeout.EXPIRE, false);
    }

    /** A chain as the file describes it. */
    private record Route(List<ApprovalStage> stages, Timeout timeout) {
    }

    /** Approves requests of {@code type} (any case) of at most {@code maxDays} working days as they are made. */
    public record AutoApproval(String type, double maxDays) {
        public String describe() {
            String days = maxDays == Math.rint(maxDays) ? String.valueOf((long) maxDays) : String.valueOf(maxDays);
            return type + " leave of up to " + days + (maxDays == 1 ? " day" : " days") + " is approved automatically";
        }
    }

    /** The chat channel whose user ids the file names, as {@link Person#chatUserId} and the address book call it. */
    public static final String SLACK = LeaveBotNames.SLACK_CHANNEL;

    private final Route fallback;
    private final Map<String, Route> overrides;
    private final Map<String, Route> teams;
    private final List<AutoApproval> autoApprovals;
    /** The name of each member's team, keyed like {@link #teams}. */
    private final Map<String, String> teamNames;
    /** The Slack user ids the file gives beside e-mail addresses, by {@link Person#key()}. */
    private final Map<String, String> slackIds;

    private ApproverRouting(Route fallback, Map<String, Route> overrides, Map<String, Route> teams,
            Map<String, String> teamNames, List<AutoApproval> autoApprovals, Map<String, String> slackIds) {
        this.fallback = fallback;
        this.overrides = Map.copyOf(overrides);
        this.teams = Map.copyOf(teams);
        this.teamNames = Map.copyOf(teamNames);
        this.autoApprovals = List.copyOf(autoApprovals);
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
        return of(approver, Map.of());
    }

    /** A default approver (may be null) and overrides keyed by employee e-mail or Slack user id. */
    public static ApproverRouting of(Person defaultApprover, Map<String, Person> overrides) {
        Map<String, Route> normalised = new HashMap<>();
        overrides.forEach((key, approver) -> normalised.put(normalise(key), oneApprover(approver)));
        return new ApproverRouting(defaultApprover == null ? null : oneApprover(defaultApprover), normalised, Map.of(), Map.of(), List.of(), Map.of());
    }

    /**
     * The Slack user ids the file gives for approvers it names by e-mail, by {@link Person#key()}: for the chat
     * address book, so that they are reached in Slack even before Slack showed LeaveBot who they are.
     */
    public Map<String, String> slackIds() {
        return slackIds;
    }

    /**
     * The employee's approval chain, nobody asked yet; empty when no approver is configured for them. The employee
     * is left out of a group they are in (nobody approves their own leave), unless that would empty it.
     */
    public Optional<ApprovalChain> chainFor(Person employee) {
        return chainFor(employee, Optional.empty());
    }

    /**
     * {@link #chainFor(Person)}, matching overrides and teams keyed by Slack user id also for an employee known by
     * e-mail, whose Slack user id (from the chat address book) is {@code slackUserId}.
     */
    public Optional<ApprovalChain> chainFor(Person employee, Optional<String> slackUserId) {
        Route route = routeFor(employee, slackUserId);
        if (route == null) {
            return Optional.empty();
        }
        List<ApprovalStage> stages = route.stages().stream().map(stage -> withoutEmployee(stage, employee)).toList();
        OnTimeout onTimeout = route.timeout().onTimeout();
        if (route.timeout().escalateToManager()) {
            Person approver = stages.get(0).approvers().get(0).approver();
            Optional<Person> manager = approverFor(approver).filter(m -> !m.isSameAs(approver) && !m.isSameAs(employee));
            onTimeout = manager.map(OnTimeout::escalateTo).orElse(OnTimeout.EXPIRE);
        }
        return Optional.of(new ApprovalChain(stages, onTimeout));
    }

    /** The employee's first approver (of the first stage of their chain); empty when none is configured. */
    public Optional<Person> approverFor(Person employee) {
        return approverFor(employee, Optional.empty());
    }

    /** {@link #approverFor(Person)}, with the employee's Slack user id as in {@link #chainFor(Person, Optional)}. */
    public Optional<Person> approverFor(Person employee, Optional<String> slackUserId) {
        Route route = routeFor(employee, slackUserId);
        return route == null ? Optional.empty() : Optional.of(route.stages().get(0).approvers().get(0).approver());
    }

    /**
     * The name of the employee's team in the file's {@code "teams"} (by e-mail, else by Slack id, as for chains);
     * empty when they are in none. Overrides do not change it: an employee with an approver of their own stays in
     * their team's calendar.
     */
    public Optional<String> teamOf(Person employee) {
        String email = employee.email() == null ? null : normalise(employee.email());
        if (email != null && teamNames.containsKey(email)) {
            return Optional.of(teamNames.get(email));
        }
        Optional<String> slackId = employee.chatUserId(SLACK)
                .or(() -> Optional.ofNullable(email).map(slackIds::get)).map(ApproverRouting::normalise);
        return slackId.map(teamNames::get);
    }

    /** The rule that approves this request as it is made, if one does. */
    public Optional<AutoApproval> autoApprovalFor(String type, double workingDays) {
        return autoApprovals.stream()
                .filter(rule -> rule.type().equalsIgnoreCase(type) && workingDays <= rule.maxDays())
                .findFirst();
    }

    private Route routeFor(Person employee, Optional<String> knownSlackId) {
        Optional<String> slackId = employee.chatUserId(SLACK).or(() -> knownSlackId).map(ApproverRouting::normalise);
        String email = employee.email() == null ? null : normalise(employee.email());
        Route byEmail = email == null ? null : overrides.get(email);
        Route bySlack = slackId.map(overrides::get).orElse(null);
        Route byTeam = email != null && teams.containsKey(email) ? teams.get(email) : slackId.map(teams::get).orElse(null);
        return byEmail != null ? byEmail : bySlack != null ? bySlack : byTeam != null ? byTeam : fallback;
    }

    private static ApprovalStage withoutEmployee(ApprovalStage stage, Person employee) {
        if (stage.rule() == ApprovalRule.ONE) {
            return stage; // the validator says who may not approve their own leave
        }
        List<StageApprover> others = stage.approvers().stream().filter(a -> !a.approver().isSameAs(employee)).toList();
        return others.isEmpty() || others.size() == stage.approvers().size() ? stage
                : new ApprovalStage(stage.name(), stage.rule(), others, stage.status(), stage.decision());
    }

    private static Route oneApprover(Person approver) {
        return new Route(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(approver))), Timeout.EXPIRE);
    }

    private static ApproverRouting parse(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw problem(source, "expected a JSON object with \"default\" and/or \"overrides\"");
        }
        rejectUnknown(source, root, TOP_LEVEL, "the top level");
        Map<String, String> slackIds = new HashMap<>();
        Timeout timeoutFor = root.has("onTimeout") ? onTimeout(source, root.get("onTimeout"), "\"onTimeout\"", slackIds) : null;
        Route fallback = root.has("default") ? route(source, root.get("default"), "\"default\"", timeoutFor, slackIds) : null;
        Map<String, Route> overrides = new HashMap<>();
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
                if (overrides.put(normalise(entry.getKey()), route(source, entry.getValue(), where, timeoutFor, slackIds)) != null) {
                    throw problem(source, where + " is listed twice");
                }
            }
        }
        Map<String, String> teamNames = new HashMap<>();
        Map<String, Route> teams = teams(source, root.get("teams"), timeoutFor, slackIds, teamNames);
        if (fallback == null && overrides.isEmpty() && teams.isEmpty()) {
            throw problem(source, "it names no approver at all; add a \"default\" approver or some \"overrides\"");
        }
        return new ApproverRouting(fallback, overrides, teams, teamNames, autoApprovals(source, root.get("autoApprove")), slackIds);
    }

    /** Team members, each keyed like an override, to their team's route; {@code names} gets each member's team. */
    private static Map<String, Route> teams(String source, JsonNode node, Timeout timeoutFor, Map<String, String> slackIds,
            Map<String, String> names) {
        Map<String, Route> byMember = new HashMap<>();
        if (node == null) {
            return byMember;
        }
        if (!node.isObject()) {
            throw problem(source, "\"teams\" must be an object mapping a team's name to {\"members\": [...], \"approvers\": ...}");
        }
        for (Map.Entry<String, JsonNode> team : node.properties()) {
            String where = "\"teams\".\"" + team.getKey() + "\"";
            JsonNode value = team.getValue();
            if (!value.isObject() || !value.has("members") || !value.has("approvers")) {
                throw problem(source, where + " needs \"members\" (a list of e-mails or Slack ids) and \"approvers\"");
            }
            rejectUnknown(source, value, TEAM_FIELDS, where);
            Route route = route(source, value.get("approvers"), where + ".\"approvers\"", timeoutFor, slackIds);
            JsonNode members = value.get("members");
            if (!members.isArray() || members.isEmpty()) {
                throw problem(source, where + ".\"members\" must be a non-empty list of e-mails or Slack ids");
            }
            for (JsonNode member : members) {
                if (!member.isTextual() || member.asText().isBlank()) {
                    throw problem(source, where + ".\"members\" has an entry that is not an e-mail or Slack id in quotes");
                }
                if (byMember.put(normalise(member.asText()), route) != null) {
                    throw problem(source, "\"" + member.asText() + "\" is a member of two teams");
                }
                names.put(normalise(member.asText()), team.getKey());
            }
        }
        return byMember;
    }

    /** A person, a list of stages, or {"stages": [...], "onTimeout": ...}; {@code inherited} supplies the timeout. */
    private static Route route(String source, JsonNode node, String where, Timeout inherited, Map<String, String> slackIds) {
        List<JsonNode> stageNodes = new ArrayList<>();
        Timeout timeout = inherited == null ? Timeout.EXPIRE : inherited;
        if (node != null && node.isArray()) {
            node.forEach(stageNodes::add);
        } else if (node != null && node.isObject() && node.has("stages")) {
            rejectUnknown(source, node, CHAIN_FIELDS, where);
            if (!node.get("stages").isArray()) {
                throw problem(source, where + ".\"stages\" must be a list of stages");
            }
            node.get("stages").forEach(stageNodes::add);
            if (node.has("onTimeout")) {
                timeout = onTimeout(source, node.get("onTimeout"), where + ".\"onTimeout\"", slackIds);
            }
        } else {
            stageNodes.add(node);
        }
        if (stageNodes.isEmpty() || stageNodes.size() > ApprovalChain.MOST_STAGES) {
            throw problem(source, where + " must have 1 to " + ApprovalChain.MOST_STAGES + " stages, not " + stageNodes.size());
        }
        List<ApprovalStage> stages = new ArrayList<>();
        for (int i = 0; i < stageNodes.size(); i++) {
            String at = stageNodes.size() == 1 && !(node != null && (node.isArray() || node.has("stages"))) ? where
                    : where + " stage " + (i + 1);
            stages.add(stage(source, stageNodes.get(i), at, slackIds));
        }
        return new Route(stages, timeout);
    }

    private static ApprovalStage stage(String source, JsonNode node, String where, Map<String, String> slackIds) {
        if (node != null && node.isObject() && (node.has("any") || node.has("all"))) {
            rejectUnknown(source, node, GROUP_FIELDS, where);
            if (node.has("any") && node.has("all")) {
                throw problem(source, where + " has both \"any\" and \"all\"; a group is one or the other");
            }
            ApprovalRule rule = node.has("any") ? ApprovalRule.ANY : ApprovalRule.ALL;
            String field = rule == ApprovalRule.ANY ? "any" : "all";
            JsonNode group = node.get(field);
            if (!group.isArray() || group.isEmpty() || group.size() > ApprovalChain.MOST_APPROVERS) {
                throw problem(source, where + ".\"" + field + "\" must be a list of 1 to " + ApprovalChain.MOST_APPROVERS + " approvers");
            }
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                Person person = approver(source, group.get(i), where + ".\"" + field + "\"[" + i + "]", slackIds);
                if (people.stream().anyMatch(person::isSameAs)) {
                    throw problem(source, where + " names " + person.key() + " twice");
                }
                people.add(person);
            }
            return ApprovalStage.of(text(source, node, "name", where), rule, people);
        }
        return ApprovalStage.of(null, ApprovalRule.ONE, List.of(approver(source, node, where, slackIds)));
    }

    private static Timeout onTimeout(String source, JsonNode node, String where, Map<String, String> slackIds) {
        if (node != null && node.isTextual() && node.asText().equals("expire")) {
            return Timeout.EXPIRE;
        }
        if (node != null && node.isTextual() && node.asText().equals("approve")) {
            return new Timeout(OnTimeout.APPROVE, false);
        }
        if (node != null && node.isObject() && node.size() == 1 && node.has("escalate")) {
            JsonNode to = node.get("escalate");
            if (to.isTextual() && to.asText().equals(MANAGER)) {
                return new Timeout(OnTimeout.EXPIRE, true);
            }
            return new Timeout(OnTimeout.escalateTo(approver(source, to, where + ".\"escalate\"", slackIds)), false);
        }
        throw problem(source, where + " must be \"expire\", \"approve\", {\"escalate\": \"manager\"} or "
                + "{\"escalate\": {\"email\": \"…\"}}");
    }

    private static List<AutoApproval> autoApprovals(String source, JsonNode node) {
        List<AutoApproval> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray()) {
            throw problem(source, "\"autoApprove\" must be a list like [{\"type\": \"sick\", \"maxDays\": 1}]");
        }
        for (int i = 0; i < node.size(); i++) {
            String where = "\"autoApprove\"[" + i + "]";
            JsonNode rule = node.get(i);
            if (!rule.isObject()) {
                throw problem(source, where + " must be an object like {\"type\": \"sick\", \"maxDays\": 1}");
            }
            rejectUnknown(source, rule, RULE_FIELDS, where);
            String type = text(source, rule, "type", where);
            JsonNode days = rule.get("maxDays");
            if (type == null || days == null || !days.isNumber() || days.asDouble() <= 0 || days.asDouble() * 2 != Math.rint(days.asDouble() * 2)) {
                throw problem(source, where + " needs a \"type\" and \"maxDays\", a number of days above 0 in halves (0.5, 1, 2…)");
            }
            rules.add(new AutoApproval(type, days.asDouble()));
        }
        return rules;
    }

    /** One person as the file names them; the Slack user id of an approver named by e-mail goes to {@code slackIds}. */
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
