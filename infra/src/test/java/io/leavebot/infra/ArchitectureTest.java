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

/** The deployment depends on the application through its names only. */
class ArchitectureTest {
    private static final Pattern LEAVEBOT_IMPORT = Pattern.compile("^import (?:static )?(io\\.leavebot\\.[\\w.]+);",
            Pattern.MULTILINE);

    @Test
    void infraImportsNothingOfTheBotButLeaveBotNames() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src"))) {
            List<String> foreign = sources.filter(path -> path.toString().endsWith(".java"))
                    .flatMap(ArchitectureTest::leaveBotImports)
                    .filter(name -> !name.startsWith("io.leavebot.infra.")
                            && !name.startsWith("io.leavebot.LeaveBotNames"))
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
