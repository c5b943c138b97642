package io.leavebot.aws;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The cold starts the package tests measured, for {@code bench/run bot}: {@value #FILE} next to the jar, one
 * {@code <Handler>.answer=<ms>} (JVM start to the first answer) and {@code .init} (to the handler built) per handler.
 */
final class ColdStarts {
    static final String FILE = "lambda-cold-start.properties";

    private ColdStarts() {
    }

    static synchronized void record(List<LeanJar.Run> runs) {
        Path file = Path.of(System.getProperty("leavebot.lambda.jar", "target/leavebot-lambda.jar")).toAbsolutePath()
                .resolveSibling(FILE);
        Properties figures = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    figures.load(in);
                }
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (LeanJar.Run run : runs) {
                if (seen.add(run.handler())) { // this build's first run replaces an earlier build's figure
                    figures.put(run.handler() + ".answer", Long.toString(run.answerMs()));
                    figures.put(run.handler() + ".init", Long.toString(run.initMs()));
                }
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                figures.store(out, "fresh JVM on the lean jar to the first answer (ms), by LambdaPackageIT and TeamsPackageIT");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
