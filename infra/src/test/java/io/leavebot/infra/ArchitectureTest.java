package io.leavebot.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment depends on the application through its names, and through the checks of the settings it passes
 * on that need the application's own reading: the synth reads the policy file, the country and region and the
 * admins as the functions will, so that a mistake stops {@code cdk synth} rather than every function's start.
 */
class ArchitectureTest {
    private static final List<String> SETTINGS_CHECKS = List.of("io.leavebot.balance.PolicyFile",
            "io.leavebot.balance.Holidays", "io.leavebot.leave.LeavePolicy", "io.leavebot.workflow.Admins");
    private static final Pattern LEAVEBOT_IMPORT = Pattern.compile("^import (?:static )?(io\\.leavebot\\.[\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void infraImportsNothingOfTheBotButLeaveBotNamesAndTheSettingsChecks() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src"))) {
            List<String> foreign = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(ArchitectureTest::leaveBotImports)
                    .filter(name -> !name.startsWith("io.leavebot.infra.")
                            && !name.startsWith("io.leavebot.LeaveBotNames")
                            && SETTINGS_CHECKS.stream().noneMatch(name::startsWith))
                    .toList();
            assertEquals(List.of(), foreign);
        }
    }

    private static Stream<String> leaveBotImports(Path source) {
        try {
            Matcher imports = LEAVEBOT_IMPORT.matcher(Files.readString(source));
            return imports.results().map(match -> match.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
