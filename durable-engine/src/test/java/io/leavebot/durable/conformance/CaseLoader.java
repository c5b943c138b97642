package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.leavebot.durable.conformance.ConformanceCase.ExpectedResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the requirement files ({@code <suite>/<id>.yaml}) under a directory, ordered by id (1-2 before 1-10). */
final class CaseLoader {
    private static final YAMLMapper YAML = new YAMLMapper();

    private CaseLoader() {
    }

    static List<ConformanceCase> loadAll(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".yaml"))
                    .map(CaseLoader::load)
                    .sorted(Comparator.comparing(ConformanceCase::id, CaseLoader::compareIds))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the conformance cases under " + directory, e);
        }
    }

    static ConformanceCase load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read conformance case " + file, e);
        }
        String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(file + ": a case file must hold one YAML mapping");
        }
        JsonNode history = root.path("ExpectedExecutionHistory");
        if (!history.isArray()) {
            throw new IllegalArgumentException(file + ": ExpectedExecutionHistory must be a list of events");
        }
        var events = new ArrayList<JsonNode>();
        history.forEach(events::add);
        return new ConformanceCase(id, root.path("description").asText(id).strip(), file, variables(root),
                root.hasNonNull("Input") ? root.get("Input") : NullNode.instance, expectedResult(root),
                callbackActions(file, root), events);
    }

    private static Map<String, String> variables(JsonNode root) {
        var variables = new LinkedHashMap<String, String>();
        root.path("Variables").properties().forEach(v -> variables.put(v.getKey(), v.getValue().asText()));
        return variables;
    }

    private static Optional<ExpectedResult> expectedResult(JsonNode root) {
        JsonNode expected = root.get("ExpectedResult");
        if (expected == null || !expected.isObject()) {
            return Optional.empty();
        }
        JsonNode status = expected.get("ExecutionStatus");
        return Optional.of(new ExpectedResult(status == null || status.isNull() ? null : status.asText(),
                expected.has("Result"), expected.has("Result") ? expected.get("Result") : NullNode.instance));
    }

    private static List<CallbackAction> callbackActions(Path file, JsonNode root) {
        var actions = new ArrayList<CallbackAction>();
        for (JsonNode action : root.path("CallbackActions")) {
            String name = action.path("CallbackName").asText(null);
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException(file + ": every CallbackAction needs a CallbackName");
            }
            long delayMillis = Math.round(action.path("Delay").asDouble(0) * 1000);
            actions.add(new CallbackAction(name, CallbackAction.Operation.parse(action.path("Operation").asText(null)),
                    action.hasNonNull("Payload") ? action.get("Payload") : null, Duration.ofMillis(delayMillis)));
        }
        return actions;
    }

    /** Compares ids such as {@code 1-2} and {@code 1-10} part by part, numerically where both parts are numbers. */
    static int compareIds(String a, String b) {
        String[] left = a.split("-");
        String[] right = b.split("-");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int order = left[i].matches("\\d+") && right[i].matches("\\d+")
                    ? Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]))
                    : left[i].compareTo(right[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.length, right.length);
    }
}
