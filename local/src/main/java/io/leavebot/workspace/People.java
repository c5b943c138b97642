package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.PolicyFile;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.Person;
import io.leavebot.workspace.MemberChains.Chain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Who is in the local workspace, and who approves whom: the members (Slack users you can act as) and people
 * LeaveBot reaches by e-mail only. Each member names their approvers by e-mail, which makes the approver routing,
 * so the workspace and LeaveBot always agree on it. The default team is in {@code workspace/people.json}:
 * <pre>{@code
 * {
 *   "members": [
 *     {"id": "U0SAM", "name": "Sam Rivera", "email": "sam@example.com", "title": "Software engineer",
 *      "approvers": ["priya@example.com", {"name": "HR", "any": ["hana@example.com", "omar@example.com"]}]},
 *     {"id": "U0PRIYA", "name": "Priya Shah", "email": "priya@example.com", "approver": "dana@example.com"}
 *   ],
 *   "email_only": [{"name": "Dana Kim", "email": "dana@example.com"}],
 *   "onTimeout": {"escalate": "manager"}
 * }
 * }</pre>
 *
 * <p>A member's {@code "approver"} (or {@code "approvers"}, which reads better for several) is an approval chain as
 * the routing file ({@link ApproverRouting}) writes one, with every person an e-mail address in quotes: one e-mail;
 * a list of stages, each an e-mail or a group {@code {"name": "HR", "any": [...]}} (the first of them to answer
 * decides) or {@code {"all": [...]}} (every one must approve); or {@code {"stages": [...], "onTimeout": ...}}. Everyone
 * named is a member or in {@code "email_only"}. A member without approvers has {@code everyoneElse}'s (see
 * {@link #routing}).
 *
 * <p>{@code "onTimeout"}, at the top for every member's chain or in a chain of its own, says what happens when a
 * stage gets no answer in time: {@code "expire"} (the default), {@code "approve"}, {@code {"escalate": "<e-mail>"}},
 * or {@code {"escalate": "manager"}}: the approver's own approver as the members say (a member's first approver);
 * a request whose approver has none here (Dana), or whose approver's approver is the employee, expires.
 */
public final class People {
    /**
     * One member of the workspace.
     *
     * @param approverEmail the first approver of their chain; null when they have none
     */
    public record Member(String id, String name, String email, String title, String approverEmail) {
        /** Known by e-mail, as Slack shows members to LeaveBot; the workspace answers {@code users.lookupByEmail} for their id. */
        Person person() {
            return Person.ofEmail(email, name);
        }
    }

    private static final String DEFAULT = "workspace/people.json";
    private static final String POLICY = "workspace/policy.json";
    private static final Pattern USER_ID = Pattern.compile("U[A-Z0-9]{2,20}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Member> members;
    private final Map<String, String> emailOnly;
    /** Each member's approval chain, by their e-mail; members without approvers are not in it. */
    private final Map<String, Chain> chains;
    /** The file's {@code "onTimeout"}; null when it has none. */
    private final JsonNode onTimeout;

    private People(List<Member> members, Map<String, String> emailOnly, Map<String, Chain> chains, JsonNode onTimeout) {
        this.members = List.copyOf(members);
        this.emailOnly = Collections.unmodifiableMap(new HashMap<>(emailOnly)); // a name may be left out: null
        this.chains = Map.copyOf(chains);
        this.onTimeout = onTimeout;
    }

    /**
     * The default team: Sam (an employee, approved by Priya, then HR), Priya (his manager), Tom (a colleague), Hana
     * and Omar (HR), and Dana (Priya's approver, by e-mail); a stage nobody answers in time goes to the approver's own
     * approver (so what waits on Priya goes to Dana).
     */
    public static People defaults() {
        try (InputStream in = People.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in " + DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in " + DEFAULT + " cannot be read", e);
        }
    }

    /**
     * The built-in team's leave policy ({@code workspace/policy.json}), so that balances can be tried at once: most
     * of them in Bavaria, Hana in England on a four-day week, Omar in Berlin; 25 days of annual leave (28 for
     * managers, who may go 3 below zero) with up to 5 carried over until 31 March, counted from 2025 so that
     * carry-over shows; Tom joined on 1 July 2026, so his 2026 allowance is pro-rated; sick and unpaid leave
     * tracked, not limited.
     *
     * @param offeredTypes the leave types LeaveBot offers; the policy names annual, sick and unpaid
     */
    public static BalancePolicies builtInPolicies(List<String> offeredTypes) {
        try (InputStream in = People.class.getClassLoader().getResourceAsStream(POLICY)) {
            return PolicyFile.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in " + POLICY, offeredTypes);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in " + POLICY + " cannot be read", e);
        }
    }

    /**
     * Reads a people file in the format above.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static People fromFile(Path file) {
        try {
            return parse(Files.readString(file), "file " + file.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalArgumentException("The workspace's people file " + file.toAbsolutePath() + " cannot be read: " + e);
        }
    }

    static People parse(String json, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw problem(source, "it is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("members").isArray() || root.path("members").isEmpty()) {
            throw problem(source, "it needs a \"members\" list with at least one member");
        }
        Map<String, String> emailOnly = new LinkedHashMap<>();
        for (JsonNode node : root.path("email_only")) {
            emailOnly.put(email(source, node, "an \"email_only\" entry"), text(node, "name"));
        }
        List<Member> members = new ArrayList<>();
        Map<String, Member> byEmail = new HashMap<>();
        Map<String, Chain> chains = new HashMap<>();
        for (JsonNode node : root.path("members")) {
            Member member = member(source, node);
            if (byEmail.put(member.email(), member) != null || members.stream().anyMatch(m -> m.id().equals(member.id()))) {
                throw problem(source, "two members have the id " + member.id() + " or the e-mail " + member.email());
            }
            chain(source, node, member).ifPresent(chain -> chains.put(member.email(), chain));
            members.add(member);
        }
        JsonNode onTimeout = root.hasNonNull("onTimeout")
                ? checked(source, () -> MemberChains.onTimeout(root.get("onTimeout"), "the top-level \"onTimeout\"")) : null;
        requireKnown(source, members, chains, emailOnly.keySet(), onTimeout);
        return new People(members.stream().map(m -> withFirstApprover(m, chains)).toList(), emailOnly, chains, onTimeout);
    }

    /** Everyone a chain names is a member or in "email_only". */
    private static void requireKnown(String source, List<Member> members, Map<String, Chain> chains, Set<String> emailOnly,
            JsonNode onTimeout) {
        Set<String> known = new HashSet<>(emailOnly);
        members.forEach(m -> known.add(m.email()));
        for (Member member : members) {
            for (String approver : chains.containsKey(member.email()) ? chains.get(member.email()).emails() : List.<String>of()) {
                if (!known.contains(approver)) {
                    throw problem(source, member.name() + "'s approver " + approver + " is neither a member nor listed in \"email_only\"");
                }
            }
        }
        MemberChains.escalatesTo(onTimeout).filter(to -> !known.contains(to)).ifPresent(to -> {
            throw problem(source, "the top-level \"onTimeout\" escalates to " + to + ", who is neither a member nor listed in \"email_only\"");
        });
    }

    private static Member member(String source, JsonNode node) {
        String id = text(node, "id");
        if (id == null || !USER_ID.matcher(id).matches()) {
            throw problem(source, "each member needs an \"id\" like Slack's user ids: U and 2-20 capital letters or digits, such as U0SAM");
        }
        String name = text(node, "name");
        if (name == null) {
            throw problem(source, "member " + id + " needs a \"name\"");
        }
        return new Member(id, name, email(source, node, "member " + id), text(node, "title"), null);
    }

    /** The member's {@code "approver"} or {@code "approvers"}, checked; empty when they give neither. */
    private static Optional<Chain> chain(String source, JsonNode node, Member member) {
        if (node.hasNonNull("approver") && node.hasNonNull("approvers")) {
            throw problem(source, member.name() + " has both \"approver\" and \"approvers\"; give one of them");
        }
        String field = node.hasNonNull("approvers") ? "approvers" : "approver";
        if (!node.hasNonNull(field)) {
            return Optional.empty();
        }
        return Optional.of(checked(source, () -> MemberChains.read(node.get(field), member.name() + "'s \"" + field + "\"")));
    }

    private static Member withFirstApprover(Member member, Map<String, Chain> chains) {
        Chain chain = chains.get(member.email());
        return chain == null ? member : new Member(member.id(), member.name(), member.email(), member.title(), chain.firstEmail());
    }

    /** What {@code read} gives; its refusal as this file's problem. */
    private static <T> T checked(String source, Supplier<T> read) {
        try {
            return read.get();
        } catch (IllegalArgumentException e) {
            throw problem(source, e.getMessage());
        }
    }

    private static String email(String source, JsonNode node, String who) {
        String field = "email";
        String value = text(node, field);
        if (value == null) {
            throw problem(source, who + " needs an e-mail address in \"" + field + "\"");
        }
        EmailAddresses.problem(value).ifPresent(wrong -> {
            throw problem(source, who + " needs an e-mail address in \"" + field + "\", but \"" + value + "\" " + wrong);
        });
        return value.toLowerCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static IllegalArgumentException problem(String source, String what) {
        return new IllegalArgumentException("The workspace's people in " + source + " cannot be used: " + what + ".");
    }

    public List<Member> members() {
        return members;
    }

    public Optional<Member> byId(String userId) {
        return members.stream().filter(m -> m.id().equals(userId)).findFirst();
    }

    public Optional<Member> byEmail(String email) {
        String key = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return members.stream().filter(m -> m.email().equals(key)).findFirst();
    }

    /**
     * Who approves whom, as the members say: an approver who is a member is reached in the workspace, anyone else by
     * e-mail; people who are not members (asking through the JSON API, say) have {@code everyoneElse}'s approval,
     * which expires when nobody answers in time.
     */
    public ApproverRouting routing(Person everyoneElse) {
        ObjectNode file = JSON.createObjectNode();
        file.putObject("default").put("email", everyoneElse.email()).put("name", everyoneElse.displayName());
        ObjectNode overrides = file.putObject("overrides");
        chains.forEach((email, chain) -> overrides.set(email, chain.routing(timeoutFor(email, chain), this::displayName)));
        return ApproverRouting.fromJson(file.toString(), "made from the workspace's people");
    }

    /** The chain's own {@code onTimeout}, else the file's, with "manager" resolved as the members say. */
    private JsonNode timeoutFor(String employee, Chain chain) {
        JsonNode timeout = chain.onTimeout() != null ? chain.onTimeout() : onTimeout;
        if (!MemberChains.escalatesToManager(timeout)) {
            return timeout == null ? TextNode.valueOf("expire") : timeout;
        }
        String approver = chain.firstEmail();
        return Optional.ofNullable(chains.get(approver)).map(Chain::firstEmail)
                .filter(manager -> !manager.equals(approver) && !manager.equals(employee))
                .<JsonNode>map(manager -> JSON.createObjectNode().put("escalate", manager))
                .orElse(TextNode.valueOf("expire"));
    }

    /** The name of whoever has this (lower-case) e-mail address; null for someone in "email_only" without one. */
    private String displayName(String email) {
        return byEmail(email).map(Member::name).orElse(emailOnly.get(email));
    }

    /** The name of whoever has this e-mail address, for the outbox; the address itself when nobody here has it. */
    String nameOf(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        return byEmail(key).map(Member::name).or(() -> Optional.ofNullable(emailOnly.get(key))).orElse(email);
    }
}
