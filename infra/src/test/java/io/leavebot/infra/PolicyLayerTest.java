package io.leavebot.infra;

import static io.leavebot.LeaveBotNames.ADMINS_ENV;
import static io.leavebot.infra.LeaveBotStack.API_HANDLER;
import static io.leavebot.infra.LeaveBotStack.SLACK_HANDLER;
import static io.leavebot.infra.LeaveBotStack.TEAMS_HANDLER;
import static io.leavebot.infra.LeaveBotStack.WORKFLOW_HANDLER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.leavebot.balance.PolicyFile;
import io.leavebot.infra.testing.ExampleDeployment;
import io.leavebot.infra.testing.TemplateJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The balance settings in the example deployment (a policy file and two admins), in the same deployment with a
 * changed policy file, and in one with a country and region instead of a file.
 */
class PolicyLayerTest {
    private static final List<String> FUNCTIONS = List.of(WORKFLOW_HANDLER, API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER);

    private final ExampleDeployment example = ExampleDeployment.get();
    private final TemplateJson json = example.json();

    @Test
    void everyFunctionHasThePolicyLayerAndReadsTheFileInIt() {
        List<String> layers = json.idsOf("AWS::Lambda::LayerVersion");
        assertEquals(1, layers.size());
        assertEquals(List.of("java21"), json.properties(layers.get(0)).get("CompatibleRuntimes"));
        for (String function : FUNCTIONS) {
            assertEquals(List.of(Map.of("Ref", layers.get(0))), json.function(function).get("Layers"), function);
            assertEquals("/opt/example-policy.json", json.environment(function).get(PolicyFile.POLICY_FILE_ENV),
                    function);
        }
    }

    @Test
    void theLayersAssetIsADirectoryHoldingOnlyThePolicyFile() throws IOException {
        String key = (String) ((Map<?, ?>) json.properties(json.idsOf("AWS::Lambda::LayerVersion").get(0))
                .get("Content")).get("S3Key");
        Path asset = example.outdir().resolve("asset." + key.replace(".zip", ""));
        try (Stream<Path> files = Files.list(asset)) {
            assertEquals(List.of("example-policy.json"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(Files.readString(Path.of(ExampleDeployment.POLICY_FILE)),
                Files.readString(asset.resolve("example-policy.json")));
    }

    @Test
    void everyFrontEndGetsTheAdminsInTheOrderGiven() {
        for (String function : List.of(API_HANDLER, SLACK_HANDLER, TEAMS_HANDLER)) {
            assertEquals("hr@example.com,ops@example.com", json.environment(function).get(ADMINS_ENV), function);
        }
    }

    @Test
    void aChangedPolicyPublishesNewVersionsOfEveryFunction() {
        TemplateJson changed = ExampleDeployment.with(LeaveBotProps.POLICY_FILE, ExampleDeployment.CHANGED_POLICY_FILE)
                .json();
        for (String function : FUNCTIONS) {
            assertEquals(json.environment(function), changed.environment(function), "the same name, in the same place");
            assertNotEquals(versionOf(json, function), versionOf(changed, function), function);
        }
        assertNotEquals(json.properties(json.idsOf("AWS::Lambda::LayerVersion").get(0)),
                changed.properties(changed.idsOf("AWS::Lambda::LayerVersion").get(0)), "a new layer version");
    }

    @Test
    void withoutAPolicyFileTheCountryAndRegionAreEveryFunctionsAndThereIsNoLayer() {
        Map<String, String> changes = new HashMap<>();
        changes.put(LeaveBotProps.POLICY_FILE, null);
        changes.put(LeaveBotProps.COUNTRY, "GB");
        changes.put(LeaveBotProps.REGION, "sct");
        TemplateJson inScotland = ExampleDeployment.with(changes).json();
        assertEquals(List.of(), inScotland.idsOf("AWS::Lambda::LayerVersion"));
        for (String function : FUNCTIONS) {
            Map<String, String> environment = inScotland.environment(function);
            assertEquals("gb", environment.get(PolicyFile.COUNTRY_ENV), function);
            assertEquals("sct", environment.get(PolicyFile.REGION_ENV), function);
            assertFalse(environment.containsKey(PolicyFile.POLICY_FILE_ENV), function);
            assertNull(inScotland.function(function).get("Layers"), function);
        }
    }

    /** The logical id of the version the function's live alias points to. */
    private static String versionOf(TemplateJson template, String handler) {
        String function = template.functionId(handler);
        return template.idsOf("AWS::Lambda::Version").stream()
                .filter(id -> Map.of("Ref", function).equals(template.properties(id).get("FunctionName")))
                .findFirst().orElseThrow();
    }
}
