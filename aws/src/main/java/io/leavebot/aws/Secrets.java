package io.leavebot.aws;

import io.leavebot.logging.LogSecrets;
import static io.leavebot.LeaveBotNames.SECRET_API_KEY;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.SECRET_DECISION_LINK_KEY;
import static io.leavebot.LeaveBotNames.SECRET_SLACK_BOT_TOKEN;
import static io.leavebot.LeaveBotNames.SECRET_SLACK_CLIENT_ID;
import static io.leavebot.LeaveBotNames.SECRET_SLACK_CLIENT_SECRET;
import static io.leavebot.LeaveBotNames.SECRET_SLACK_SIGNING_SECRET;
import static io.leavebot.LeaveBotNames.SECRET_TEAMS_APP_ID;
import static io.leavebot.LeaveBotNames.SECRET_TEAMS_APP_PASSWORD;
import static io.leavebot.LeaveBotNames.SECRET_TEAMS_TENANT_ID;
import static io.leavebot.LeaveBotNames.SECRET_TOKEN_KEY;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.Slack;
import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.durable.lambda.AwsRequest;
import io.leavebot.durable.lambda.AwsResponse;
import io.leavebot.email.DecisionLinks;
import io.leavebot.http.ApiKey;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.SlackSettings;
import io.leavebot.slack.TokenSeal;
import io.leavebot.teams.TeamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * LeaveBot's secret values, from one Secrets Manager secret whose {@code SecretString} is a JSON object:
 * <pre>{@code
 * {"decisionLinkKey": "<32+ random bytes>", "apiKey": "<24+ characters>",
 *  "slackBotToken": "xoxb-…", "slackSigningSecret": "…",
 *  "teamsAppId": "<Microsoft App ID>", "teamsAppPassword": "<client secret>", "teamsTenantId": "<tenant id>",
 *  "slackClientId": "…", "slackClientSecret": "…", "tokenKey": "<base64 of 32 random bytes>"}
 * }</pre>
 * The last three switch on Slack status while on leave ({@code /leave connect}), together or not at all.
 * The workflow and API functions require {@code decisionLinkKey}, the Slack function both Slack keys, the Teams
 * function the three Teams keys (which come together or not at all). A function
 * reads the secret once, when it starts, and keeps the values for the life of its container; a rotated value
 * therefore takes effect with new containers. Values are never printed: {@link #toString()} and every message name
 * keys only.
 */
final class Secrets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TEAMS_KEYS = List.of(SECRET_TEAMS_APP_ID, SECRET_TEAMS_APP_PASSWORD, SECRET_TEAMS_TENANT_ID);
    private static final List<String> KEYS = List.of(SECRET_DECISION_LINK_KEY, SECRET_API_KEY, SECRET_SLACK_BOT_TOKEN,
            SECRET_SLACK_SIGNING_SECRET, SECRET_TEAMS_APP_ID, SECRET_TEAMS_APP_PASSWORD, SECRET_TEAMS_TENANT_ID,
            SECRET_SLACK_CLIENT_ID, SECRET_SLACK_CLIENT_SECRET, SECRET_TOKEN_KEY);
    private static final List<String> STATUS_KEYS = List.of(SECRET_SLACK_CLIENT_ID, SECRET_SLACK_CLIENT_SECRET, SECRET_TOKEN_KEY);

    private final String secretArn;
    private final Map<String, String> values;

    private Secrets(String secretArn, Map<String, String> values) {
        this.secretArn = secretArn;
        this.values = Map.copyOf(values);
    }

    /**
     * Reads the current version of the secret.
     *
     * @throws SettingsException naming the secret when it cannot be read, or naming the key that is wrong
     */
    static Secrets read(AwsHttpCaller secretsManager, String secretArn) {
        AwsResponse response;
        try {
            response = secretsManager.call(getSecretValue(secretArn));
        } catch (AwsApiException e) {
            throw unreadable(secretArn, e.getMessage() + " (" + (e.errorCode() == null ? "" : e.errorCode() + ", ")
                    + "HTTP " + e.status() + ")", e);
        } catch (UncheckedIOException | AwsCredentials.MissingException e) {
            throw unreadable(secretArn, e.getMessage(), e); // no answer after the retries, or no credentials to sign with
        }
        return parse(secretArn, secretString(secretArn, response));
    }

    /** The answer's {@code SecretString}; no message quotes the answer, which holds the secret. */
    private static String secretString(String secretArn, AwsResponse response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new SettingsException("The secret " + secretArn + " cannot be read: Secrets Manager's answer (HTTP "
                    + response.status() + ") is not a JSON object.");
        }
        JsonNode secretString = answer.get("SecretString");
        if (secretString == null || !secretString.isTextual()) {
            throw new SettingsException("The secret " + secretArn + " has no text value; store the JSON object with "
                    + "the keys " + KEYS + " as its secret string.");
        }
        return secretString.asText();
    }

    /** Secrets Manager's {@code GetSecretValue} (AWS JSON 1.1) for the secret's current version. */
    private static AwsRequest getSecretValue(String secretArn) {
        byte[] body = JSON.createObjectNode().put("SecretId", secretArn).toString().getBytes(StandardCharsets.UTF_8);
        return AwsRequest.post("/", "application/x-amz-json-1.1", body)
                .withHeader("X-Amz-Target", "secretsmanager.GetSecretValue");
    }

    private static SettingsException unreadable(String secretArn, String reason, RuntimeException cause) {
        return new SettingsException("The secret " + secretArn + " (" + SECRET_ARN_ENV + ") cannot be read: " + reason
                + ". Check that it exists in this region and that the function's role may call "
                + "secretsmanager:GetSecretValue on it.", cause);
    }

    /** @throws SettingsException naming the key that is wrong (never a value) */
    static Secrets parse(String secretArn, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // no cause and no parser message: both may quote the secret's text
            var at = e.getLocation();
            throw new SettingsException("The secret " + secretArn + " is not valid JSON"
                    + (at == null ? "" : " (at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + "; it must be an object with the keys " + KEYS + ".");
        }
        if (root == null || !root.isObject()) {
            throw new SettingsException("The secret " + secretArn + " must be a JSON object with the keys " + KEYS + ".");
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (!KEYS.contains(entry.getKey())) {
                throw new SettingsException("The secret " + secretArn + " has an unknown key \"" + entry.getKey()
                        + "\"; the keys LeaveBot reads are " + KEYS + ".");
            }
            if (!entry.getValue().isTextual() && !entry.getValue().isNull()) {
                throw new SettingsException("The secret " + secretArn + " has a \"" + entry.getKey() + "\" that is not "
                        + "a text; write its value in double quotes.");
            }
            if (entry.getValue().isTextual() && !entry.getValue().asText().isBlank()) {
                values.put(entry.getKey(), entry.getValue().asText());
                if (!entry.getKey().endsWith("Id")) { // the app, client and tenant ids name things; the rest are keys
                    LogSecrets.register(entry.getValue().asText());
                }
            }
        }
        return new Secrets(secretArn, values);
    }

    /**
     * E-mail decision links signed with the secret's {@value io.leavebot.LeaveBotNames#SECRET_DECISION_LINK_KEY}.
     *
     * @param baseUrl where the links lead (see {@link AwsSettings#decisionUrl()})
     */
    DecisionLinks decisionLinks(String baseUrl) {
        String key = decisionLinkKey();
        try {
            return new DecisionLinks(key, baseUrl);
        } catch (IllegalArgumentException e) {
            throw unusable(SECRET_DECISION_LINK_KEY, e);
        }
    }

    private String decisionLinkKey() {
        return required(SECRET_DECISION_LINK_KEY, "one, a random value of 32 bytes or more, e.g. from `openssl rand -base64 48`");
    }

    /** The JSON API's key, from {@value io.leavebot.LeaveBotNames#SECRET_API_KEY}; empty when the API is off. */
    Optional<ApiKey> apiKey() {
        try {
            return optional(SECRET_API_KEY).map(ApiKey::of);
        } catch (IllegalArgumentException e) {
            throw unusable(SECRET_API_KEY, e);
        }
    }

    /** The Slack bot token; empty when people are reached by e-mail only. */
    Optional<String> slackBotToken() {
        return optional(SECRET_SLACK_BOT_TOKEN);
    }

    /**
     * What the Slack front end needs: the bot token ({@value io.leavebot.LeaveBotNames#SECRET_SLACK_BOT_TOKEN}) and
     * the signing secret ({@value io.leavebot.LeaveBotNames#SECRET_SLACK_SIGNING_SECRET}), with {@code slack}.
     *
     * @throws SettingsException naming the key that is missing
     */
    SlackSettings slack(Slack slack) {
        String botToken = required(SECRET_SLACK_BOT_TOKEN, "the app's Bot User OAuth Token (xoxb-…), shown under "
                + "OAuth & Permissions once the app is installed");
        String signingSecret = required(SECRET_SLACK_SIGNING_SECRET, "the app's Signing Secret, shown under Basic "
                + "Information → App Credentials");
        return new SlackSettings(botToken, signingSecret, slack);
    }

    /**
     * The Teams bot's App ID, client secret and tenant ({@value io.leavebot.LeaveBotNames#SECRET_TEAMS_APP_ID},
     * {@value io.leavebot.LeaveBotNames#SECRET_TEAMS_APP_PASSWORD}, {@value io.leavebot.LeaveBotNames#SECRET_TEAMS_TENANT_ID});
     * empty when the secret has none of them (no Teams).
     *
     * @throws SettingsException naming the keys missing when only some are there
     */
    Optional<TeamsSettings> teams() {
        List<String> missing = TEAMS_KEYS.stream().filter(key -> optional(key).isEmpty()).toList();
        if (missing.size() == TEAMS_KEYS.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new SettingsException("The secret " + secretArn + " has some Teams keys but not " + missing + "; add them "
                    + "(the Azure Bot's App ID, a client secret of its app registration, and its tenant id) or remove the others.");
        }
        return Optional.of(TeamsSettings.of(values.get(SECRET_TEAMS_APP_ID), values.get(SECRET_TEAMS_APP_PASSWORD),
                values.get(SECRET_TEAMS_TENANT_ID)));
    }

    /**
     * What {@code /leave connect} needs: the Slack app's Client ID and Secret and the key user tokens are sealed with
     * ({@value io.leavebot.LeaveBotNames#SECRET_SLACK_CLIENT_ID}, {@value io.leavebot.LeaveBotNames#SECRET_SLACK_CLIENT_SECRET},
     * {@value io.leavebot.LeaveBotNames#SECRET_TOKEN_KEY}); empty when the secret has none of them (no Slack status).
     *
     * @param redirectUri where Slack sends people back (asked only when the keys are there, so a function without
     *                    Slack status needs no URL); null in the functions that complete the flow or set the status
     * @throws SettingsException naming the keys missing when only some are there, or the key that is unusable
     */
    Optional<SlackStatusKeys> slackStatus(Supplier<String> redirectUri) {
        List<String> missing = STATUS_KEYS.stream().filter(key -> optional(key).isEmpty()).toList();
        if (missing.size() == STATUS_KEYS.size()) {
            return Optional.empty();
        }
        if (!missing.isEmpty()) {
            throw new SettingsException("The secret " + secretArn + " has some of the Slack status keys " + STATUS_KEYS
                    + " but not " + missing + "; add them (the Slack app's Client ID and Client Secret, and `openssl rand "
                    + "-base64 32` as tokenKey) or remove the others.");
        }
        TokenSeal seal;
        try {
            seal = TokenSeal.of(values.get(SECRET_TOKEN_KEY), "the secret's \"" + SECRET_TOKEN_KEY + "\"");
        } catch (IllegalArgumentException e) {
            throw new SettingsException("The secret " + secretArn + " has a \"" + SECRET_TOKEN_KEY + "\" that cannot be used: "
                    + e.getMessage());
        }
        var oauth = new SlackConnect.Settings(values.get(SECRET_SLACK_CLIENT_ID), values.get(SECRET_SLACK_CLIENT_SECRET),
                redirectUri.get(), SlackConnect.SLACK_AUTHORIZE_URL);
        return Optional.of(new SlackStatusKeys(oauth, seal, decisionLinkKey()));
    }

    /**
     * The keys of Slack status while on leave.
     *
     * @param linkSecret signs the OAuth state, as it signs decision links
     */
    record SlackStatusKeys(SlackConnect.Settings oauth, TokenSeal seal, String linkSecret) {
        @Override
        public String toString() {
            return "SlackStatusKeys[values hidden]";
        }
    }

    @Override
    public String toString() {
        return "Secrets[" + secretArn + ", keys " + values.keySet().stream().sorted().toList() + ", values hidden]";
    }

    /** The value's own check failed; its message describes the problem without quoting the value. */
    private SettingsException unusable(String key, IllegalArgumentException e) {
        return new SettingsException("The secret " + secretArn + " has a \"" + key + "\" that cannot be used: "
                + e.getMessage(), e);
    }

    /** @param toAdd what to add under {@code key}, e.g. "the app's Signing Secret" */
    private String required(String key, String toAdd) {
        return optional(key).orElseThrow(() -> new SettingsException("The secret " + secretArn + " has no \"" + key
                + "\"; add " + toAdd + "."));
    }

    private Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key));
    }
}
