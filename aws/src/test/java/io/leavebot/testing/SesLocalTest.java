package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SesLocalTest {

    @Test
    void startsEmptyAndStopsCleanly() throws Exception {
        try (SesLocal ses = new SesLocal().start()) {
            assertEquals("127.0.0.1", ses.endpoint().getHost());
            assertEquals(0, ses.emails().size());
        }
    }

    @Test
    void missingToolsSayHowToInstallThem() {
        String tools = System.getProperty("leavebot.tools.dir");
        System.setProperty("leavebot.tools.dir", "/nonexistent/tools");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SesLocal().start());

            assertTrue(e.getMessage().startsWith("aws-ses-v2-local is not installed: /nonexistent/tools/node_modules/.bin/"
                    + "aws-ses-v2-local is missing. Run `npm ci` in tools/"), e.getMessage());
        } finally {
            if (tools == null) {
                System.clearProperty("leavebot.tools.dir");
            } else {
                System.setProperty("leavebot.tools.dir", tools);
            }
        }
    }
}
