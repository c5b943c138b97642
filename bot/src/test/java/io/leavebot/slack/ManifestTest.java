package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code manifest.yml} (at the repository root) asks Slack for what LeaveBot uses and nothing more, within the
 * limits Slack's manifest reference sets, so that "create the app from the manifest" works first time.
 */
class ManifestTest {
    private static final Path MANIFEST = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "manifest.yml");

    private final JsonNode manifest = read();

    @Test
    void theCommandIsTheOneLeaveBotListensFor() {
        JsonNode commands = manifest.path("features").path("slash_commands");
        assertEquals(1, commands.size());
        JsonNode leave = commands.get(0);
        assertEquals(SlackApp.COMMAND, leave.path("command").asText());
        assertTrue(leave.path("usage_hint").asText().length() <= 1000);
        assertTrue(leave.path("description").asText().length() <= 2000);
    }

    @Test
    void theScopesAreExactlyThoseTheCallsNeed() {
        // commands: /leave; chat:write: DMs, updates, ephemerals; im:write: conversations.open;
        // users:read + users:read.email: users.info with e-mail and users.lookupByEmail
        assertEquals(List.of("commands", "chat:write", "im:write", "users:read", "users:read.email"),
                texts(manifest.path("oauth_config").path("scopes").path("bot")));
    }

    @Test
    void theOneUserScopeIsTheStatusOfWhoConnectsAndTheRedirectUrlIsNamed() throws IOException {
        // users.profile:write: users.profile.set (and .get) with the token a person grants through /leave connect
        assertEquals(List.of(SlackConnect.USER_SCOPE), texts(manifest.path("oauth_config").path("scopes").path("user")));
        String text = java.nio.file.Files.readString(MANIFEST);
        assertTrue(text.contains("# redirect_urls:") && text.contains(SlackConnect.CALLBACK_PATH), "the redirect URL's place");
    }

    @Test
    void homeTabInteractivityAndTheHomeEventAreOn() {
        assertTrue(manifest.path("features").path("app_home").path("home_tab_enabled").asBoolean());
        assertTrue(manifest.path("settings").path("interactivity").path("is_enabled").asBoolean());
        assertEquals(List.of("app_home_opened"), texts(manifest.path("settings").path("event_subscriptions").path("bot_events")));
    }

    @Test
    void namesAndTextsFitSlacksLimits() {
        JsonNode display = manifest.path("display_information");
        assertTrue(display.path("name").asText().length() <= 35);
        assertTrue(display.path("description").asText().length() <= 140);
        assertTrue(display.path("long_description").asText().length() <= 4000);
        String botName = manifest.path("features").path("bot_user").path("display_name").asText();
        assertTrue(botName.matches("[a-z0-9._-]{1,80}"), botName);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static JsonNode read() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(MANIFEST.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MANIFEST.toAbsolutePath(), e);
        }
    }
}
