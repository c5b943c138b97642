package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.Person;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is in the local workspace, and who approves whom: the members (Slack users you can act as) and people
 * LeaveBot reaches by e-mail only. Each member names their approver by e-mail, which makes the approver routing,
 * so the workspace and LeaveBot always agree on it. The default team is in {@code workspace/people.json}:
 * <pre>{@code
 * {
 *   "members": [
 *     {"id": "U0SAM", "name": "Sam Rivera", "email": "sam@example.com", "title": "Software engineer",
 *      "approver": "priya@example.com"},
 *     {"id": "U0PRIYA", "name": "Priya Shah", "email": "priya@example.com", "approver": "dana@example.com"}
 *   ],
 *   "email_only": [{"name": "Dana Kim", "email": "dana@example.com"}]
 * }
 * }</pre>
 */
public final class People {
    /** One member of the workspace. */
    public record Member(String id, String name, String email, String title, String approverEmail) {
        /** Known by e-mail, as Slack shows members to LeaveBot; the workspace answers {@code users.lookupByEmail} for their id. */
        Person person() {
            return Person.ofEmail(email, name);
        }
    }

    private static final String DEFAULT = "workspace/people.json";
    private static final Pattern USER_ID = Pattern.compile("U[A-Z0-9]{2,20}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Member> members;
    private final Map<String, String> emailOnly;

    private People(List<Member> members, Map<String, String> emailOnly) {
        this.members = List.copyOf(members);
        this.emailOnly = Map.copyOf(emailOnly);
    }

    /** The default team: Sam (an employee), Priya (his approver), Tom (a colleague), and Dana (Priya's approver, by e-mail). */
    public static People defaults() {
        try (InputStream in = People.class.getClassLoader().getResourceAsStream(DEFAULT)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in " + DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("the built-in " + DEFAULT + " cannot be read", e);
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
        for (JsonNode node : root.path("members")) {
            Member member = member(source, node);
            if (byEmail.put(member.email(), member) != null || members.stream().anyMatch(m -> m.id().equals(member.id()))) {
                throw problem(source, "two members have the id " + member.id() + " or the e-mail " + member.email());
            }
            members.add(member);
        }
        for (Member member : members) {
            String approver = member.approverEmail();
            if (approver != null && !byEmail.containsKey(approver) && !emailOnly.containsKey(approver)) {
                throw problem(source, member.name() + "'s approver " + approver + " is neither a member nor listed in \"email_only\"");
            }
        }
        return new People(members, emailOnly);
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
        String approver = node.hasNonNull("approver") ? email(source, node, "member " + id + "'s approver", "approver") : null;
        return new Member(id, name, email(source, node, "member " + id), text(node, "title"), approver);
    }

    private static String email(String source, JsonNode node, String who) {
        return email(source, node, who, "email");
    }

    private static String email(String source, JsonNode node, String who, String field) {
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
     * e-mail; people who are not members (asking through the JSON API, say) have {@code everyoneElse}'s approval.
     */
    public ApproverRouting routing(Person everyoneElse) {
        Map<String, Person> approvers = new HashMap<>();
        for (Member member : members) {
            if (member.approverEmail() != null) {
                approvers.put(member.email(), byEmail(member.approverEmail()).map(Member::person)
                        .orElseGet(() -> Person.ofEmail(member.approverEmail(), emailOnly.get(member.approverEmail()))));
            }
        }
        return ApproverRouting.of(everyoneElse, approvers);
    }

    /** The name of whoever has this e-mail address, for the outbox; the address itself when nobody here has it. */
    String nameOf(String email) {
        String key = email.toLowerCase(Locale.ROOT);
        return byEmail(key).map(Member::name).or(() -> Optional.ofNullable(emailOnly.get(key))).orElse(email);
    }
}
