package io.leavebot.aws;

import io.leavebot.durable.lambda.AwsCredentials;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import io.leavebot.LeaveBotNames;
import io.leavebot.slack.SlackSettings;
import io.leavebot.testing.SecretsManagerStub;
import io.leavebot.testing.SignedWire;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The secret: read through the real SDK client from a Secrets Manager stub; every problem named, no value shown. */
class AwsSecretsTest {
    static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:leavebot-Xy98Zw";
    static final String LINK_KEY = "link-key-that-is-long-enough-6f1d2c3b4a";

    @Test
    void secretIsReadWithGetSecretValue() {
        try (var stub = new SecretsManagerStub().secret(ARN, "{\"decisionLinkKey\": \"" + LINK_KEY + "\", "
                + "\"slackBotToken\": \"xoxb-1-2-token\", \"slackSigningSecret\": \"\", \"apiKey\": null}")) {
            Secrets secrets = clientsFor(stub).secrets(ARN);

            assertEquals(1, stub.reads());
            assertEquals(Optional.of("xoxb-1-2-token"), secrets.slackBotToken());
            var blank = assertThrows(SettingsException.class, () -> secrets.slack(SlackSettings.sdk()), "blank counts as absent");
            assertTrue(blank.getMessage().startsWith("The secret " + ARN + " has no \"slackSigningSecret\";"), blank.getMessage());
            assertEquals(Optional.empty(), secrets.apiKey());
            assertEquals("DecisionLinks[https://example.org/decide]", secrets.decisionLinks("https://example.org/decide").toString());
            assertEquals("Secrets[" + ARN + ", keys [decisionLinkKey, slackBotToken], values hidden]", secrets.toString());
        }
    }

    @Test
    void unknownSecretIsNamedWithTheVariableThatNamesIt() {
        try (var stub = new SecretsManagerStub()) {
            var e = assertThrows(SettingsException.class, () -> clientsFor(stub).secrets(ARN));
            assertTrue(e.getMessage().startsWith("The secret " + ARN + " (" + LeaveBotNames.SECRET_ARN_ENV + ") cannot be "
                    + "read: Secrets Manager can't find the specified secret."), e.getMessage());
        }
    }

    @Test
    void getSecretValueIsTheCallTheSdkMakes() {
        try (var stub = new SecretsManagerStub().secret(ARN, "{\"decisionLinkKey\": \"" + LINK_KEY + "\"}");
                SecretsManagerClient sdk = SecretsManagerClient.builder().region(Region.EU_WEST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(SignedWire.KEY)).endpointOverride(stub.endpoint())
                        .httpClient(UrlConnectionHttpClient.create()).build()) {
            sdk.getSecretValue(r -> r.secretId(ARN));
            new AwsClients("eu-west-1", AwsCredentials.of(SignedWire.KEY.accessKeyId(), SignedWire.KEY.secretAccessKey()), null, null, null, stub.endpoint())
                    .secrets(ARN);

            List<LoggedRequest> calls = stub.calls();
            assertEquals(2, calls.size());
            SignedWire.assertSameCall(calls.get(0), calls.get(1), "eu-west-1", "secretsmanager");
        }
    }

    @Test
    void aSecretWithoutTextIsNamed() {
        try (var stub = new SecretsManagerStub().binarySecret(ARN, new byte[] {1, 2, 3})) {
            var e = assertThrows(SettingsException.class, () -> clientsFor(stub).secrets(ARN));
            assertTrue(e.getMessage().startsWith("The secret " + ARN + " has no text value; store the JSON object"), e.getMessage());
        }
    }

    @Test
    void anAnswerThatIsNotJsonIsNamedWithoutQuotingIt() {
        var proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        proxy.start();
        try {
            proxy.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("<html>short-SECRET</html>")));
            var e = assertThrows(SettingsException.class, () -> new AwsClients("us-east-1",
                    AwsCredentials.of(SignedWire.KEY.accessKeyId(), SignedWire.KEY.secretAccessKey()), null, null, null, URI.create(proxy.baseUrl())).secrets(ARN));
            assertEquals("The secret " + ARN + " cannot be read: Secrets Manager's answer (HTTP 200) is not a JSON object.",
                    e.getMessage());
        } finally {
            proxy.stop();
        }
    }

    @Test
    void missingDecisionLinkKeyIsNamed() {
        Secrets secrets = Secrets.parse(ARN, "{\"apiKey\": \"an-api-key-of-24-characters-or-more\"}");
        var e = assertThrows(SettingsException.class, () -> secrets.decisionLinks("https://example.org/decide"));
        assertTrue(e.getMessage().startsWith("The secret " + ARN + " has no \"decisionLinkKey\"; add one"), e.getMessage());
    }

    @Test
    void slackNeedsTheBotTokenAndTheSigningSecret() {
        Slack sdk = SlackSettings.sdk();
        var e = assertThrows(SettingsException.class, () -> Secrets.parse(ARN, "{\"slackSigningSecret\": \"s3cr3t\"}").slack(sdk));
        assertEquals("The secret " + ARN + " has no \"slackBotToken\"; add the app's Bot User OAuth Token (xoxb-…), shown under "
                + "OAuth & Permissions once the app is installed.", e.getMessage());

        SlackSettings slack = Secrets.parse(ARN, "{\"slackBotToken\": \"xoxb-1-2-token\", \"slackSigningSecret\": \"s3cr3t\"}").slack(sdk);
        assertEquals(List.of("xoxb-1-2-token", "s3cr3t"), List.of(slack.botToken(), slack.signingSecret()));
        assertEquals(sdk, slack.slack());
    }

    @Test
    void problemsNameTheKeyButNeverShowAValue() {
        Map<String, Executable> problems = Map.of(
                "has a \"decisionLinkKey\" that cannot be used: the decision-link secret is 12 bytes long",
                () -> Secrets.parse(ARN, "{\"decisionLinkKey\": \"short-SECRET\"}").decisionLinks("https://example.org/decide"),
                "has a \"apiKey\" that cannot be used: the API key must be at least 24",
                () -> Secrets.parse(ARN, "{\"apiKey\": \"short-SECRET\"}").apiKey(),
                "is not valid JSON (at line 1, column 27)", () -> Secrets.parse(ARN, "{\"apiKey\": \"short-SECRET\",}"),
                "is not valid JSON (at line 1, column 1)", () -> Secrets.parse(ARN, "short-SECRET"),
                "has an unknown key \"apikey\"", () -> Secrets.parse(ARN, "{\"apikey\": \"short-SECRET\"}"),
                "has a \"apiKey\" that is not a text", () -> Secrets.parse(ARN, "{\"apiKey\": [\"short-SECRET\"]}"));
        problems.forEach((expected, problem) -> {
            var e = assertThrows(SettingsException.class, problem);
            assertTrue(e.getMessage().startsWith("The secret " + ARN + " " + expected), e.getMessage());
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("short-SECRET"), t.toString());
            }
        });
    }

    private static AwsClients clientsFor(SecretsManagerStub stub) {
        return new AwsClients("us-east-1", AwsCredentials.of("AKID", "secret"),
                null, null, null, stub.endpoint());
    }

    @Test
    void slackStatusNeedsItsThreeKeysTogetherAndAUsableTokenKey() {
        assertTrue(Secrets.parse(ARN, "{}").slackStatus(() -> "https://x.example/slack/oauth/callback").isEmpty());
        // without the keys the redirect URL is never asked for: a Slack function without Slack status needs none
        assertTrue(Secrets.parse(ARN, "{}").slackStatus(() -> {
            throw new AssertionError("asked for the redirect URL");
        }).isEmpty());
        var some = assertThrows(SettingsException.class, () -> Secrets.parse(ARN,
                "{\"slackClientId\": \"1.2\", \"slackClientSecret\": \"client-SECRET\"}").slackStatus(() -> null));
        assertTrue(some.getMessage().contains("[tokenKey]") && !some.getMessage().contains("client-SECRET"), some.getMessage());
        var badKey = assertThrows(SettingsException.class, () -> Secrets.parse(ARN, "{\"decisionLinkKey\": \"x\", "
                + "\"slackClientId\": \"1.2\", \"slackClientSecret\": \"client-SECRET\", \"tokenKey\": \"short-SECRET\"}").slackStatus(() -> null));
        assertTrue(badKey.getMessage().contains("\"tokenKey\" that cannot be used") && !badKey.getMessage().contains("short-SECRET"),
                badKey.getMessage());
        var keys = Secrets.parse(ARN, "{\"decisionLinkKey\": \"link-key-of-thirty-two-bytes-or-more\", \"slackClientId\": \"1.2\", "
                + "\"slackClientSecret\": \"client-SECRET\", \"tokenKey\": \"" + io.leavebot.slack.TokenSeal.newKey() + "\"}")
                .slackStatus(() -> "https://x.example/slack/oauth/callback").orElseThrow();
        assertEquals("1.2", keys.oauth().clientId());
        assertEquals("https://x.example/slack/oauth/callback", keys.oauth().redirectUri());
        assertFalse(keys.toString().contains("client-SECRET") || keys.oauth().toString().contains("client-SECRET"));
    }
}
