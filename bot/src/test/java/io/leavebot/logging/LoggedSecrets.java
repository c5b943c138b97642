package io.leavebot.logging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** The checks of issue 16's secrets test, shared by the local and the AWS front ends'. */
public final class LoggedSecrets {
    /** Put in every request body a test sends; no log line may quote it. */
    public static final String BODY_MARKER = "BODY-MARKER-6e1f";

    private LoggedSecrets() {
    }

    /** The values of the secret settings among {@code settings} ({@link LogSecrets#isSecretSetting}). */
    public static List<String> of(Map<String, String> settings) {
        return settings.entrySet().stream().filter(e -> LogSecrets.isSecretSetting(e.getKey())).map(Map.Entry::getValue).toList();
    }

    /**
     * What a library at DEBUG, or a careless line, might print: every secret, through a library's logger. The layout
     * must mask each; without the masking, {@link #assertNone} fails on this line.
     */
    public static void logCanary(Collection<String> secrets) {
        LoggerFactory.getLogger("com.slack.api.bolt.App").debug("canary {}", secrets);
    }

    /** No line shows any of {@code secrets} or {@link #BODY_MARKER}; the canary was written and DEBUG was on. */
    public static void assertNone(String what, List<String> lines, Collection<String> secrets) {
        for (String line : lines) {
            for (String secret : secrets) {
                assertTrue(!line.contains(secret), what + " show a secret:\n" + line);
            }
            assertTrue(!line.contains(BODY_MARKER), what + " quote a request body:\n" + line);
        }
    }

    /** The lines written held DEBUG lines and the canary: the check above looked at something. */
    public static void assertDebugAndCanary(List<String> written) {
        assertTrue(written.stream().anyMatch(line -> line.contains("DEBUG")), "DEBUG was on:\n" + String.join("\n", written));
        assertTrue(written.stream().anyMatch(line -> line.contains("canary")), "the canary line was written");
    }
}
