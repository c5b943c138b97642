package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.local.Settings.SettingsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's digest settings: on with a channel of a chat that is there, a clear refusal otherwise. */
class LocalDigestTest {
    @TempDir
    Path dir;

    @Test
    void theLocalWorkspacesGeneralChannelCanHaveTheDigest() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of(LocalDigest.SLACK_CHANNEL, "C0GENERAL", LocalDigest.TIME, "08:30")))) {
            assertTrue(running.digest().orElseThrow().describe().startsWith("08:30 UTC on working days; next "));
        }
    }

    @Test
    void withoutAChannelTheDigestIsOff() throws Exception {
        try (var running = LocalLauncher.run(settings(Map.of()))) {
            assertTrue(running.digest().isEmpty());
        }
    }

    @Test
    void aSlackChannelWithoutSlackStopsTheStartNamingWhatToSet() {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of(
                LocalDigest.SLACK_CHANNEL, "C0123", "LEAVEBOT_WORKSPACE", "false"))));

        assertEquals("LEAVEBOT_DIGEST_SLACK_CHANNEL is set, but Slack is not: set SLACK_BOT_TOKEN (see README, \"Slack\"), "
                + "or unset it", refused.getMessage());
    }

    @Test
    void aTeamsConversationWithoutTeamsStopsTheStart() {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of(
                LocalDigest.TEAMS_CONVERSATION, "19:abc@thread.tacv2"))));

        assertTrue(refused.getMessage().startsWith("LEAVEBOT_DIGEST_TEAMS_CONVERSATION is set, but Teams is not"), refused.getMessage());
    }

    @Test
    void aTimeThatIsNotHhMmStopsTheStartSayingWhatItMustBe() {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(settings(Map.of(
                LocalDigest.SLACK_CHANNEL, "C0GENERAL", LocalDigest.TIME, "9am"))));

        assertEquals("LEAVEBOT_DIGEST_TIME must be a time of day as HH:mm, such as 09:00 or 08:30, but was '9am'",
                refused.getMessage());
    }

    private Settings settings(Map<String, String> digest) {
        Map<String, String> values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_TIME_ZONE", "UTC"));
        values.putAll(digest);
        return Settings.of(values);
    }
}
