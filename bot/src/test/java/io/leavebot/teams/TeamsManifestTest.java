package io.leavebot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The Teams app package's parts (bot/src/main/teams), which the build zips into target/leavebot-teams.zip. */
class TeamsManifestTest {
    private static final Path PACKAGE = Path.of("src/main/teams");

    @Test
    void theManifestNamesTheBotByThePlaceholderAndItsCommandsInTheGrammar() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(PACKAGE.resolve("manifest.json").toFile());
        assertEquals("${TEAMS_APP_ID}", manifest.path("id").asText());
        JsonNode bot = manifest.path("bots").path(0);
        assertEquals("${TEAMS_APP_ID}", bot.path("botId").asText());
        assertEquals("[\"personal\"]", bot.path("scopes").toString(), "approvals happen in one-to-one chats");
        assertTrue(bot.path("commandLists").path(0).path("commands").findValuesAsText("title").stream()
                .allMatch(title -> title.startsWith(TeamsApp.COMMAND)));
    }

    @Test
    void theIconsHaveTheSizesTeamsWants() throws IOException {
        BufferedImage color = ImageIO.read(PACKAGE.resolve("color.png").toFile());
        BufferedImage outline = ImageIO.read(PACKAGE.resolve("outline.png").toFile());
        assertEquals(List.of(192, 192), List.of(color.getWidth(), color.getHeight()));
        assertEquals(List.of(32, 32), List.of(outline.getWidth(), outline.getHeight()));
        assertEquals(0, outline.getRGB(0, 0) >>> 24, "the outline icon is transparent around the white drawing");
    }
}
