package io.leavebot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package edges of the application (STYLE.md, "Forbidden edges"), checked from the imports so that nobody has
 * to remember them. Only the composition roots ({@code local}, {@code aws}) and the local workspace, a piece of the
 * local composition, may reach the engine; no application package knows the workspace.
 */
class ArchitectureTest {
    /** The application core here, and the two modules that compose it (which it cannot import: Maven sees to that). */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/leavebot"),
            Path.of("../aws/src/main/java/io/leavebot"), Path.of("../local/src/main/java/io/leavebot"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final String LAMBDA = "io.leavebot.durable.lambda.";
    private static final List<String> RUNTIME_INTERNALS = List.of("io.leavebot.durable.engine.", "io.leavebot.durable.operation.",
            "io.leavebot.durable.execution.", LAMBDA);
    /**
     * Of {@code durable.lambda}, the small signed-JSON AWS caller (AwsHttpCaller, AwsRequest, AwsResponse,
     * AwsApiException) is for everyone: SES and Secrets Manager are called with it, and notify tells its failures apart;
     * also for the stores, of the rest of the runtime knowing nothing: the DynamoDB stores call DynamoDB with it.
     */
    private static final String AWS_CALLER = LAMBDA + "Aws";

    /** package → imports it must not have (prefixes), besides the runtime's internals. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "io.leavebot.leave", List.of("io.leavebot.teams.", "io.leavebot.workflow.", "io.leavebot.notify.", "io.leavebot.email.", "io.leavebot.http.",
                    "io.leavebot.local.", "io.leavebot.slack.", "io.leavebot.chat.", "io.leavebot.durable.", "io.leavebot.workspace."),
            // the adapters of the leave, notification-log and address-book ports: they know the ports, nothing above
            "io.leavebot.store", List.of("io.leavebot.teams.", "io.leavebot.workflow.", "io.leavebot.email.", "io.leavebot.http.",
                    "io.leavebot.local.", "io.leavebot.slack.", "io.leavebot.chat.", "io.leavebot.aws.", "io.leavebot.durable.",
                    "io.leavebot.workspace."),
            "io.leavebot.workflow", List.of("io.leavebot.store.", "io.leavebot.teams.", "io.leavebot.http.", "io.leavebot.local.", "io.leavebot.slack.", "io.leavebot.aws.",
                    "io.leavebot.chat.", "io.leavebot.workspace."),
            "io.leavebot.notify", List.of("io.leavebot.teams.", "io.leavebot.workflow.", "io.leavebot.http.", "io.leavebot.local.", "io.leavebot.slack.",
                    "io.leavebot.chat.", "io.leavebot.workspace."),
            "io.leavebot.email", List.of("io.leavebot.teams.", "io.leavebot.workflow.", "io.leavebot.http.", "io.leavebot.local.", "io.leavebot.slack.",
                    "io.leavebot.chat.", "io.leavebot.workspace."),
            "io.leavebot.http", List.of("io.leavebot.teams.", "io.leavebot.local.", "io.leavebot.slack.", "io.leavebot.workspace."),
            // shared by the chat front ends, so it knows none of them, nor the runtime behind LeaveRequests
            "io.leavebot.chat", List.of("io.leavebot.teams.", "com.slack.", "io.leavebot.slack.", "io.leavebot.http.", "io.leavebot.local.",
                    "io.leavebot.aws.", "io.leavebot.email.", "io.leavebot.durable.", "io.leavebot.workspace."),
            // Slack acts only through LeaveRequests and the notify port: no store, no runtime, no other front end
            "io.leavebot.slack", List.of("io.leavebot.local.", "io.leavebot.aws.", "io.leavebot.http.", "io.leavebot.email.",
                    "io.leavebot.durable.", "io.leavebot.leave.LeaveStore", "io.leavebot.store.Sqlite", "io.leavebot.store.DynamoDb",
                    "io.leavebot.teams.", "io.leavebot.workspace."),
            // Teams likewise; of the store it sees only the address book, where it keeps people's conversations
            "io.leavebot.teams", List.of("io.leavebot.local.", "io.leavebot.aws.", "io.leavebot.http.", "io.leavebot.email.",
                    "io.leavebot.durable.", "io.leavebot.leave.LeaveStore", "io.leavebot.store.Sqlite", "io.leavebot.store.DynamoDb",
                    "io.leavebot.slack.", "com.slack.", "io.leavebot.workspace."),
            // Slack played in the browser: LeaveBot's Slack settings, web server and engine, for the local launcher only;
            // it acts on LeaveBot only as Slack does, through signed requests, never through the store
            "io.leavebot.workspace", List.of("io.leavebot.local.", "io.leavebot.aws.", "io.leavebot.leave.LeaveStore",
                    "io.leavebot.store.Sqlite", "io.leavebot.store.DynamoDb", "io.leavebot.notify.", "io.leavebot.email.",
                    "io.leavebot.teams."));

    @Test
    void applicationPackagesKeepTheirEdges() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher pkg = PACKAGE.matcher(source);
            String name = pkg.find() ? pkg.group(1) : "";
            boolean compositionRoot = name.equals("io.leavebot.local") || name.equals("io.leavebot.aws")
                    || name.equals("io.leavebot.workspace");
            Matcher imports = IMPORT.matcher(source);
            while (imports.find()) {
                String imported = imports.group(1);
                List<String> forbidden = new ArrayList<>(FORBIDDEN.getOrDefault(name, List.of()));
                if (!compositionRoot) {
                    forbidden.addAll(RUNTIME_INTERNALS);
                }
                forbidden.stream().filter(imported::startsWith)
                        .filter(edge -> !(imported.startsWith(AWS_CALLER)
                                && (edge.equals(LAMBDA) || name.equals("io.leavebot.store")))).findFirst()
                        .ifPresent(edge -> violations.add(file + " (" + name + ") imports " + imported));
            }
        }
        assertEquals(List.of(), violations);
    }

    private static List<Path> javaFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path sources : SOURCES) {
            try (Stream<Path> walk = Files.walk(sources)) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
            }
        }
        return files;
    }
}
