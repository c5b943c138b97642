package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.Slack;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class SlackSettingsTest {
    @Test
    void theTokenAndTheSecretNeverReachALog() {
        var settings = new SlackSettings("xoxb-1234-secret", "signing-secret-5678", Slack.getInstance());
        assertEquals("SlackSettings[botToken=<hidden>, signingSecret=<hidden>]", settings.toString());
    }

    @Test
    void theSdkKeepsNoStatisticsSoItNeverAsksWhichTeamATokenIsFrom() {
        assertFalse(SlackSettings.sdk().getConfig().getMethodsConfig().isStatsEnabled());
    }

    @Test
    void aMissingTokenNamesTheSettingAndWhereToFindIt() {
        var missing = assertThrows(IllegalArgumentException.class, () -> new SlackSettings(" ", null, Slack.getInstance()));
        assertTrue(missing.getMessage().contains("SLACK_BOT_TOKEN"), missing.getMessage());
        var endpoint = assertThrows(IllegalArgumentException.class, () -> new SlackEndpoint(null, "", Clock.systemUTC()));
        assertTrue(endpoint.getMessage().contains("SLACK_SIGNING_SECRET"), endpoint.getMessage());
    }
}
