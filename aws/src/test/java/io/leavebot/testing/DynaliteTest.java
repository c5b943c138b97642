package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteTest {
    @TempDir
    Path emptyToolsDir;

    @Test
    void withoutTheNpmToolsTheHarnessSaysToRunNpmCi() {
        String before = System.getProperty("leavebot.tools.dir");
        System.setProperty("leavebot.tools.dir", emptyToolsDir.toString());
        try (Dynalite dynalite = new Dynalite()) {
            String message = assertThrows(IllegalStateException.class, dynalite::start).getMessage();

            assertTrue(message.contains(emptyToolsDir.resolve("node_modules/.bin/dynalite") + " is missing"), message);
            assertTrue(message.contains("Run `npm ci` in tools/"), message);
        } finally {
            if (before == null) {
                System.clearProperty("leavebot.tools.dir");
            } else {
                System.setProperty("leavebot.tools.dir", before);
            }
        }
    }
}
