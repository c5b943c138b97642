package io.leavebot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.leavebot.leave.Person;
import io.leavebot.teams.TeamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

/**
 * Microsoft's side of a Teams bot on WireMock: Bot Framework's OpenID metadata and key set (one RSA key of ours,
 * endorsed for {@code msteams}, which {@link TeamsRequests} signs with), the tenant's token endpoint, and a Bot
 * Connector at {@link #serviceUrl()}: sending and updating activities answer with an id, and the members API knows
 * the people added with {@link #member}. Tests read what the bot sent with {@link #sent} and {@link #updates}.
 */
public final class TeamsApi implements AutoCloseable {
    public static final String APP_ID = "6f1c9a2e-3b7d-4e58-9a0c-1d2e3f4a5b6c";
    public static final String APP_PASSWORD = "test~secret.of-the-bot";
    public static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.connector-token";
    /** The verb of Approve on the approver's card, as the bot's cards name it (for tests outside io.leavebot.teams). */
    public static final String APPROVE = "leave-approve";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;
    private final RSAKey signingKey;

    public TeamsApi() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
        server.start();
        signingKey = newKey("bf-key-1");
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/openidconfiguration")).willReturn(okJson(JSON.createObjectNode()
                .put("issuer", "https://api.botframework.com").put("jwks_uri", server.baseUrl() + "/v1/.well-known/keys")
                .put("id_token_signing_alg_values_supported", "RS256").toString())));
        ObjectNode key = JSON.valueToTree(signingKey.toPublicJWK().toJSONObject());
        key.putArray("endorsements").add("msteams").add("webchat");
        ObjectNode keys = JSON.createObjectNode();
        keys.putArray("keys").add(key);
        server.stubFor(get(urlPathEqualTo("/v1/.well-known/keys")).willReturn(okJson(keys.toString())));
        server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3600,\"ext_expires_in\":3600,\"access_token\":\"" + ACCESS_TOKEN + "\"}")));
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities(/[^/]+)?"))
                .willReturn(okJson("{\"id\":\"1:{{randomValue length=12 type='ALPHANUMERIC'}}\"}")));
        server.stubFor(any(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+")).atPriority(10)
                .willReturn(okJson("{\"id\":\"{{request.pathSegments.[5]}}\"}")));
        server.stubFor(get(urlPathMatching("/teams/v3/conversations/[^/]+/members/.+")).atPriority(10)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"Member not found\"}}")));
    }

    /** A new RSA key pair, as Bot Framework's and as an impostor's. */
    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bot's settings, with Bot Framework's metadata and the token endpoint here. */
    public TeamsSettings settings() {
        return new TeamsSettings(APP_ID, APP_PASSWORD, TENANT, URI.create(server.baseUrl() + "/v1/.well-known/openidconfiguration"),
                URI.create(server.baseUrl() + "/" + TENANT + "/oauth2/v2.0/token"));
    }

    /** The key Bot Framework's key set publishes (with its private half, to sign with). */
    public RSAKey signingKey() {
        return signingKey;
    }

    /** The Bot Connector's service URL, as activities name it. */
    public String serviceUrl() {
        return server.baseUrl() + "/teams/";
    }

    /** The Teams user id of {@code person} in these tests. */
    public static String userId(Person person) {
        return "29:1" + person.email().substring(0, person.email().indexOf('@'));
    }

    /** The one-to-one conversation of {@code person} with the bot. */
    public static String conversationId(Person person) {
        return "a:1" + person.email().substring(0, person.email().indexOf('@')) + "-personal";
    }

    /** Makes the members API answer for {@code person} in their chat with the bot. */
    public TeamsApi member(Person person) {
        ObjectNode member = JSON.createObjectNode().put("id", userId(person)).put("name", person.displayName())
                .put("aadObjectId", "aad-" + userId(person)).put("email", person.email())
                .put("userPrincipalName", person.email()).put("tenantId", TENANT).put("userRole", "user");
        server.stubFor(get(urlPathEqualTo("/teams/v3/conversations/" + conversationId(person) + "/members/" + userId(person)))
                .willReturn(okJson(member.toString())));
        return this;
    }

    /** Makes the Bot Connector answer every new activity with HTTP {@code status} from now on, as an outage or a refusal. */
    public TeamsApi answerSendsWith(int status) {
        server.stubFor(post(urlPathMatching("/teams/v3/conversations/[^/]+/activities")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"Test" + status + "\",\"message\":\"answered " + status + " by the test\"}}")));
        return this;
    }

    /** Makes the token endpoint answer HTTP {@code status} from now on (a 401 is a wrong app secret). */
    public TeamsApi answerTokensWith(int status) {
        server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token")).atPriority(1)
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_client\"}")));
        return this;
    }

    /** Activities the bot sent (POST) to {@code person}'s conversation, oldest first. */
    public List<JsonNode> sent(Person person) {
        return bodies(postRequestedFor(urlPathMatching("/teams/v3/conversations/" + conversationId(person) + "/activities(/.*)?")));
    }

    /** Activities the bot sent (POST) to the conversation {@code conversationId}, a channel's say, oldest first. */
    public List<JsonNode> sentTo(String conversationId) {
        String escaped = java.net.URLEncoder.encode(conversationId, java.nio.charset.StandardCharsets.UTF_8).replace("%3A", ":");
        return bodies(postRequestedFor(urlPathEqualTo("/teams/v3/conversations/" + escaped + "/activities")));
    }

    /** Activities the bot sent to {@code person} in reply to theirs (with a {@code replyToId}), oldest first. */
    public List<JsonNode> replies(Person person) {
        return sent(person).stream().filter(activity -> activity.path("replyToId").isTextual()).toList();
    }

    /** Activities the bot updated (PUT) in {@code person}'s conversation, oldest first. */
    public List<JsonNode> updates(Person person) {
        return bodies(anyRequestedFor(urlPathMatching("/teams/v3/conversations/" + conversationId(person) + "/activities/.+")), "PUT");
    }

    /** The Adaptive Card of an activity the bot sent (its first attachment's content). */
    public static JsonNode card(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }

    /** The newest card sent to {@code person} that has an {@code Action.Execute} with {@code verb}, at any depth. */
    public JsonNode cardWith(Person person, String verb) {
        List<JsonNode> sent = sent(person);
        for (int i = sent.size() - 1; i >= 0; i--) {
            if (execute(card(sent.get(i)), verb) != null) {
                return card(sent.get(i));
            }
        }
        throw new AssertionError("no card with the verb " + verb + " was sent to " + person.email() + ": " + sent);
    }

    /** The {@code Action.Execute} with {@code verb} in {@code card} (also inside a ShowCard), or null. */
    public static JsonNode execute(JsonNode card, String verb) {
        for (JsonNode action : card.path("actions")) {
            if ("Action.Execute".equals(action.path("type").asText()) && verb.equals(action.path("verb").asText())) {
                return action;
            }
            JsonNode inner = execute(action.path("card"), verb);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    /** How many tokens the bot asked for. */
    public int tokenRequests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))).size();
    }

    /** Every request the bot made, as {@code METHOD path}, oldest first. */
    public List<String> calls() {
        return server.findAll(anyRequestedFor(urlPathMatching(".*"))).stream().map(r -> r.getMethod() + " " + r.getUrl()).toList();
    }

    /** The Authorization headers the bot sent to the Bot Connector. */
    public List<String> connectorAuthorizations() {
        return server.findAll(anyRequestedFor(urlPathMatching("/teams/.*"))).stream().map(r -> r.getHeader("Authorization")).toList();
    }

    private List<JsonNode> bodies(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
        return bodies(pattern, "POST");
    }

    private List<JsonNode> bodies(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern, String method) {
        return server.findAll(pattern).stream().filter(r -> r.getMethod().getName().equals(method)).map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    @Override
    public void close() {
        server.stop();
    }
}
