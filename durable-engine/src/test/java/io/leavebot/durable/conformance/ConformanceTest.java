package io.leavebot.durable.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.DurableHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * AWS's conformance cases for durable functions, run on the embedded engine: one dynamic test per case file
 * under {@code -Dconformance.dir}, named by id and description. Each runs the handler written for it in the
 * suite's {@code *Cases} class (see {@link CaseHandlers}), drives timers and callbacks with {@link CaseDriver},
 * and checks status, result ({@link ResultMatcher}) and history ({@link HistoryMatcher}).
 *
 * <p>Without the cases directory the whole factory is reported as skipped; with
 * {@code -Dconformance.required=true} (as CI runs it) it fails instead.
 *
 * <p>Cases failing now, and why (they stay failing tests, never skipped): none.
 */
class ConformanceTest {
    private static final String WHERE_CASES_COME_FROM = "The cases are requirement files from AWS's public conformance suite "
            + "(github.com/aws/aws-durable-execution-conformance-tests, test-requirements/), kept outside this repository in "
            + "../shared/conformance and ../shared/conformance-next; the root pom passes both as -Dconformance.dir.";

    @TestFactory
    Stream<DynamicTest> everyCaseConforms() {
        Optional<String> unavailable = whyCasesAreUnavailable();
        if (unavailable.isPresent()) {
            String message = "Conformance cases not run: " + unavailable.get() + ". " + WHERE_CASES_COME_FROM;
            if (Boolean.getBoolean("conformance.required")) {
                fail(message + " They are required here (-Dconformance.required=true).");
            }
            // a skipped test rather than an aborted factory, so that the build report shows it and its reason
            return Stream.of(DynamicTest.dynamicTest("conformance cases", () -> Assumptions.abort(message)));
        }
        List<Path> directories = directories();
        List<ConformanceCase> all = directories.stream().flatMap(d -> CaseLoader.loadAll(d).stream())
                .sorted(Comparator.comparing(ConformanceCase::id, CaseLoader::compareIds)).toList();
        List<String> only = only();
        List<ConformanceCase> cases = all.stream().filter(c -> only.isEmpty() || only.stream().anyMatch(c.id()::startsWith)).toList();
        CaseHandlers handlers = CaseHandlers.all();
        Set<String> caseIds = all.stream().map(ConformanceCase::id).collect(Collectors.toSet());
        Stream<DynamicTest> perCase = cases.stream().map(c ->
                DynamicTest.dynamicTest(c.displayName(), () -> verify(c, handlers)));
        return Stream.concat(perCase, Stream.of(DynamicTest.dynamicTest("every handler has a case file", () -> {
            var orphans = new TreeSet<>(handlers.ids());
            orphans.removeAll(caseIds);
            // a suite none of whose files is in conformance.dir (such as one still in ../shared/conformance-next) is
            // not checked here: its handlers are checked in the runs that pass its directory
            Set<String> suites = caseIds.stream().map(ConformanceTest::suiteOf).collect(Collectors.toSet());
            orphans.removeIf(id -> !suites.contains(suiteOf(id)));
            assertEquals(Set.of(), orphans, "handlers written for cases that are not in " + directories);
        })));
    }

    /** The suite number of a case id: {@code "5"} for {@code "5-12"}. */
    private static String suiteOf(String caseId) {
        int dash = caseId.indexOf('-');
        return dash < 0 ? caseId : caseId.substring(0, dash);
    }

    /** {@code conformance.dir}: one directory, or several separated by commas (each searched for .yaml files). */
    private static List<Path> directories() {
        return Arrays.stream(System.getProperty("conformance.dir", "").split(","))
                .map(String::strip).filter(d -> !d.isEmpty())
                .map(d -> Path.of(d).toAbsolutePath().normalize()).toList();
    }

    /**
     * {@code -Dconformance.only=8-,9-1}: while working on a suite, run only the cases whose ids start so (every
     * handler still needs its case file).
     */
    private static List<String> only() {
        return Arrays.stream(System.getProperty("conformance.only", "").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static Optional<String> whyCasesAreUnavailable() {
        if (directories().isEmpty()) {
            return Optional.of("the system property conformance.dir is not set");
        }
        for (Path directory : directories()) {
            if (!Files.isDirectory(directory)) {
                return Optional.of("conformance.dir " + directory + " is not a directory");
            }
            if (CaseLoader.loadAll(directory).isEmpty()) {
                return Optional.of("conformance.dir " + directory + " holds no .yaml case files");
            }
        }
        return Optional.empty();
    }

    private static void verify(ConformanceCase c, CaseHandlers handlers) throws IOException {
        DurableHandler<?, ?> handler = handlers.forCase(c.id()).orElseThrow(() -> new AssertionError(
                "no handler is written for case " + c.id() + ": add one to the suite's *Cases class"));
        var placeholders = new Placeholders().withVariables(c.variables());
        Path directory = Files.createTempDirectory("conformance-" + c.id() + "-");
        try {
            var outcome = CaseDriver.run(c, handler, handlers.targets(), placeholders, directory);
            var problems = new ArrayList<>(outcome.problems());
            new HistoryMatcher(placeholders).match(c.expectedHistory(), outcome.history())
                    .forEach(mismatch -> problems.add(mismatch.describe()));
            c.expectedResult().flatMap(expected -> ResultMatcher.check(expected, outcome.execution().status().name(),
                    outcome.execution().result(), placeholders)).ifPresent(problems::add);
            if (!problems.isEmpty()) {
                fail(report(c, outcome, problems));
            }
        } finally {
            deleteRecursively(directory);
        }
    }

    private static String report(ConformanceCase c, CaseDriver.Outcome outcome, List<String> problems) {
        var text = new StringBuilder("case ").append(c.id()).append(" (").append(c.file()).append(") does not conform:");
        problems.forEach(p -> text.append("\n- ").append(p));
        var execution = outcome.execution();
        text.append("\nexecution: ").append(execution.status()).append(", result ").append(execution.result())
                .append(", error ").append(execution.error());
        text.append("\nactual history:");
        for (JsonNode event : outcome.history()) {
            text.append("\n  ").append(SuiteJson.text(event));
        }
        return text.toString();
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
