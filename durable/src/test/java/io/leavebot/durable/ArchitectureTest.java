package io.leavebot.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The package edges the runtime must not grow, checked by reading the imports, so nobody has to remember them. */
class ArchitectureTest {
    /** The runtime, and the engine in the module beside it (which the runtime cannot import: Maven sees to that). */
    private static final List<Path> SOURCES = List.of(Path.of("src/main/java/io/leavebot/durable"),
            Path.of("../durable-engine/src/main/java/io/leavebot/durable/engine"));
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?(io\\.leavebot\\.[\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    /** package → packages it must not import (prefix match). */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "io.leavebot.durable", List.of("io.leavebot.durable.engine", "io.leavebot.durable.operation"),
            "io.leavebot.durable.model", List.of("io.leavebot.durable."),
            "io.leavebot.durable.execution", List.of("io.leavebot.durable.engine", "io.leavebot.durable.lambda"),
            "io.leavebot.durable.operation", List.of("io.leavebot.durable.engine", "io.leavebot.durable.lambda"),
            "io.leavebot.durable.lambda", List.of("io.leavebot.durable.engine", "io.leavebot.durable.operation", "io.leavebot.durable.execution.DurableExecutor"),
            "io.leavebot.durable.engine", List.of("io.leavebot.durable.lambda", "io.leavebot.durable.operation"),
            "io.leavebot.durable.sigv4", List.of("io.leavebot.durable."));

    @Test
    void runtimePackagesKeepTheirEdges() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            String pkg = packageOf(source);
            Matcher m = IMPORT.matcher(source);
            while (m.find()) {
                String imported = m.group(1);
                // io.leavebot.net and io.leavebot.crypto are no application: the HTTP transport and the HMAC the
                // runtime's AWS caller shares with the chat clients
                if (!imported.startsWith("io.leavebot.durable") && !imported.equals("io.leavebot.net")
                        && !imported.equals("io.leavebot.crypto")) {
                    violations.add(file + " imports " + imported + ": the runtime knows nothing of the application");
                }
                for (String forbidden : FORBIDDEN.getOrDefault(pkg, List.of())) {
                    if (imported.startsWith(forbidden) && !imported.equals(pkg)) {
                        violations.add(file + " (" + pkg + ") imports " + imported);
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void everyPackageSaysWhatItHolds() throws IOException {
        for (Path sources : SOURCES) {
            try (Stream<Path> dirs = Files.walk(sources)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    assertTrue(Files.exists(dir.resolve("package-info.java")), dir + " has no package-info.java");
                }
            }
        }
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

    private static String packageOf(String source) {
        Matcher m = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE).matcher(source);
        return m.find() ? m.group(1) : "";
    }
}
