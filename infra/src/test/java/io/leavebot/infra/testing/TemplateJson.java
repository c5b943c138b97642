package io.leavebot.infra.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awscdk.assertions.Template;

/**
 * The synthesized template as plain data, for what {@link Template}'s matchers say awkwardly: "no statement
 * anywhere…", "this role's statements are exactly…". Values built by CloudFormation functions are rendered as
 * text, e.g. {@code arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:LeaveBot-workflow:live}.
 */
public final class TemplateJson {
    /** Set on every function for the JVM, not read by a handler: see {@link #jvmOptions}. */
    private static final String JVM_OPTIONS = "JAVA_TOOL_OPTIONS";
    /** One IAM policy statement, its resources rendered ({@link #render}). */
    public record Statement(List<String> actions, List<String> resources, Map<String, Object> condition) {
        public boolean grants(String action) {
            return actions.contains(action);
        }
    }

    private final Map<String, Map<String, Object>> resources;

    @SuppressWarnings("unchecked")
    public TemplateJson(Template template) {
        this.resources = (Map<String, Map<String, Object>>) template.toJSON().get("Resources");
    }

    /** The properties of the function with this handler. */
    public Map<String, Object> function(String handler) {
        return properties(functionId(handler));
    }

    /** The logical id of the function with this handler. */
    public String functionId(String handler) {
        return resources.entrySet().stream()
                .filter(r -> "AWS::Lambda::Function".equals(r.getValue().get("Type")))
                .filter(r -> handler.equals(properties(r.getKey()).get("Handler")))
                .map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new NoSuchElementException("no function with handler " + handler));
    }

    /** The settings of the function with this handler (its environment without the JVM's options), values rendered. */
    @SuppressWarnings("unchecked")
    public Map<String, String> environment(String handler) {
        var environment = (Map<String, Object>) function(handler).get("Environment");
        var variables = (Map<String, Object>) environment.get("Variables");
        return variables.entrySet().stream().filter(e -> !e.getKey().equals(JVM_OPTIONS))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> render(e.getValue())));
    }

    /** The JVM's options on the function with this handler, which {@link #environment} leaves out. */
    @SuppressWarnings("unchecked")
    public String jvmOptions(String handler) {
        var environment = (Map<String, Object>) function(handler).get("Environment");
        return render(((Map<String, Object>) environment.get("Variables")).get(JVM_OPTIONS));
    }

    /** Every statement of the policies attached to the role of the function with this handler. */
    @SuppressWarnings("unchecked")
    public List<Statement> statementsOf(String handler) {
        String role = ((List<String>) ((Map<String, Object>) function(handler).get("Role")).get("Fn::GetAtt")).get(0);
        return policiesWhere(policy -> ((List<Object>) policy.get("Roles")).contains(Map.of("Ref", role)));
    }

    /**
     * What the role of the function with this handler may do in one service: each action starting with
     * {@code prefix} (e.g. {@code "lambda:"}) and the resources it is granted on, whatever the statement.
     */
    public Map<String, Set<String>> grantsOf(String handler, String prefix) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (Statement statement : statementsOf(handler)) {
            statement.actions().stream().filter(action -> action.startsWith(prefix)).forEach(action ->
                    grants.computeIfAbsent(action, a -> new TreeSet<>()).addAll(statement.resources()));
        }
        return grants;
    }

    /** Every statement of every IAM policy in the stack. */
    public List<Statement> allStatements() {
        return policiesWhere(policy -> true);
    }

    /** The ids of the resources of this type. */
    public List<String> idsOf(String type) {
        return resources.entrySet().stream().filter(r -> type.equals(r.getValue().get("Type")))
                .map(Map.Entry::getKey).toList();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> properties(String logicalId) {
        return (Map<String, Object>) resources.get(logicalId).getOrDefault("Properties", Map.of());
    }

    /** The logical id of every resource. */
    public Set<String> ids() {
        return resources.keySet();
    }

    public Map<String, Object> resource(String logicalId) {
        return resources.get(logicalId);
    }

    /**
     * A CloudFormation value as text: a {@code Ref} as {@code ${name}}, a {@code Fn::GetAtt} as
     * {@code ${resource.attribute}}, a {@code Fn::Join} joined.
     */
    @SuppressWarnings("unchecked")
    public static String render(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object ref = map.get("Ref");
            if (ref != null) {
                return "${" + ref + "}";
            }
            if (map.get("Fn::GetAtt") instanceof List<?> attribute) {
                return "${" + attribute.get(0) + "." + attribute.get(1) + "}";
            }
            if (map.get("Fn::Join") instanceof List<?> join) {
                return ((List<Object>) join.get(1)).stream().map(TemplateJson::render)
                        .collect(Collectors.joining((String) join.get(0)));
            }
        }
        throw new IllegalArgumentException("cannot render " + value);
    }

    @SuppressWarnings("unchecked")
    private List<Statement> policiesWhere(Predicate<Map<String, Object>> which) {
        List<Statement> statements = new ArrayList<>();
        for (String id : idsOf("AWS::IAM::Policy")) {
            Map<String, Object> policy = properties(id);
            if (which.test(policy)) {
                var document = (Map<String, Object>) policy.get("PolicyDocument");
                for (Object statement : (List<Object>) document.get("Statement")) {
                    statements.add(statement((Map<String, Object>) statement));
                }
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static Statement statement(Map<String, Object> statement) {
        if (!"Allow".equals(statement.get("Effect"))) {
            throw new IllegalStateException("the stack writes Allow statements only, but found " + statement);
        }
        return new Statement(listOf(statement.get("Action")).stream().map(String.class::cast).toList(),
                listOf(statement.get("Resource")).stream().map(TemplateJson::render).toList(),
                (Map<String, Object>) statement.getOrDefault("Condition", Map.of()));
    }

    private static List<?> listOf(Object oneOrMany) {
        return oneOrMany instanceof List<?> many ? many : List.of(oneOrMany);
    }
}
