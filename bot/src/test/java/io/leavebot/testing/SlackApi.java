package io.leavebot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackChatChannel;
import io.leavebot.slack.SlackPeople;
import io.leavebot.slack.SlackWebApi;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import java.util.stream.Collectors;

/**
 * Slack's Web API served by WireMock on loopback, with answers shaped like Slack's documented examples. Every
 * method LeaveBot calls answers {@code ok} by default; tests override one method with {@link #answer} (e.g. an
 * {@code "ok": false} error) and read what LeaveBot sent with {@link #calls}. Point the SDK here with
 * {@link #slack()}; {@code response_url}s in payloads can point at {@link #responseUrl}.
 */
public final class SlackApi implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-test-0000-leavebot";
    public static final String TEAM = "T0LEAVE";
    public static final String BOT_USER = "U0BOT";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;
    /** user id → users.info profile; e-mail → user id for users.lookupByEmail. */
    private final Map<String, String[]> users = new LinkedHashMap<>();

    public SlackApi() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").globalTemplating(true));
        server.start();
        answer("auth.test", "{\"ok\":true,\"url\":\"https://leavebot-test.slack.com/\",\"team\":\"LeaveBot Test\",\"user\":\"leavebot\","
                + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"B0BOT\",\"is_enterprise_install\":false}");
        answer("conversations.open", "{\"ok\":true,\"channel\":{\"id\":\"D{{formData request.body 'form' urlDecode=true}}{{form.users}}\"}}");
        answer("chat.postMessage", "{\"ok\":true,\"channel\":\"{{formData request.body 'form' urlDecode=true}}{{form.channel}}\","
                + "\"ts\":\"{{now format='unix'}}.{{randomValue length=6 type='NUMERIC'}}\",\"message\":{\"type\":\"message\",\"user\":\"" + BOT_USER + "\"}}");
        answer("chat.update", "{\"ok\":true,\"channel\":\"{{formData request.body 'form' urlDecode=true}}{{form.channel}}\",\"ts\":\"{{form.ts}}\"}");
        answer("chat.postEphemeral", "{\"ok\":true,\"message_ts\":\"{{now format='unix'}}.000200\"}");
        answer("views.open", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL{{randomValue length=4 type='NUMERIC'}}\",\"type\":\"modal\"}}");
        answer("views.update", "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\"}}");
        answer("views.publish", "{\"ok\":true,\"view\":{\"id\":\"V0HOME\",\"type\":\"home\"}}");
        answer("users.lookupByEmail", "{\"ok\":false,\"error\":\"users_not_found\"}");
        answer("users.info", "{\"ok\":false,\"error\":\"user_not_found\"}");
        server.stubFor(post(urlPathEqualTo("/response-url")).willReturn(okJson("{\"ok\":true}")));
    }

    /** A Slack client for the code under test, with its Web API at this server. */
    public Slack slack() {
        return io.leavebot.slack.SlackSettings.sdk(config());
    }

    /** LeaveBot's own Web API client at this server, without a token (as SlackStatus and SlackConnect take it). */
    public SlackWebApi webApi() {
        return SlackWebApi.at(server.baseUrl() + "/api/");
    }

    /** LeaveBot's own Web API client at this server, with the bot token. */
    public SlackWebApi botApi() {
        return webApi().withToken(BOT_TOKEN);
    }

    /** A new SDK configuration with the Web API at this server. */
    public SlackConfig config() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(server.baseUrl() + "/api/");
        return config;
    }

    /**
     * LeaveBot's Slack channel as the composition roots build it, talking to this server with the bot token, with an
     * address book that has the Slack user ids of Ada, Grace and Alan.
     */
    public SlackChatChannel chatChannel() {
        return chatChannel(MemoryAddressBook.withSamplePeople());
    }

    /** As {@link #chatChannel()}, keeping Slack user ids in {@code addresses}. */
    public SlackChatChannel chatChannel(ChatAddressBook addresses) {
        SlackWebApi methods = botApi();
        return new SlackChatChannel(methods, new SlackPeople(methods, addresses, Clock.systemUTC(), Duration.ofMinutes(10)),
                new NotificationTexts(ZoneOffset.UTC));
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** A {@code response_url} for payloads: posts to it are accepted and recorded. */
    public String responseUrl() {
        return server.baseUrl() + "/response-url";
    }

    /** Makes {@code method} answer {@code json} (a Handlebars template over the request) from now on. */
    public SlackApi answer(String method, String json) {
        server.stubFor(stub(method).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8").withBody(json)));
        return this;
    }

    /**
     * Makes {@code method} fail at the HTTP level from now on, as Slack does when it limits the rate (429, with
     * {@code Retry-After}) or has an outage (5xx).
     */
    public SlackApi answerStatus(String method, int status) {
        var response = status == 429
                ? aResponse().withStatus(429).withHeader("Retry-After", "30").withHeader("Content-Type", "application/json")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")
                : aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withBody("upstream error");
        server.stubFor(stub(method).willReturn(response));
        return this;
    }

    /** Makes {@code method} answer {@code ok} only after {@code millis}, as a slow or stuck Slack would. */
    public SlackApi answerAfter(String method, int millis) {
        server.stubFor(stub(method).willReturn(okJson("{\"ok\":true}").withFixedDelay(millis)));
        return this;
    }

    /** Makes {@code method} drop the connection without an answer from now on, as a network failure would. */
    public SlackApi dropConnections(String method) {
        server.stubFor(stub(method).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        return this;
    }

    /** Adds a workspace member: users.info and users.lookupByEmail answer for them. */
    public SlackApi member(String userId, String email, String realName) {
        users.put(userId, new String[] {email, realName});
        ObjectNode user = JSON.createObjectNode().put("id", userId).put("team_id", TEAM).put("name", realName.toLowerCase().replace(' ', '.'))
                .put("real_name", realName).put("tz", "Europe/Berlin").put("is_bot", false).put("deleted", false);
        user.putObject("profile").put("real_name", realName).put("display_name", realName.split(" ")[0]).put("email", email);
        String body = "{\"ok\":true,\"user\":" + user + "}";
        server.stubFor(stub("users.info").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("user=" + userId))
                .willReturn(okJson(body)));
        server.stubFor(stub("users.lookupByEmail").withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
                .containing("email=" + URLEncoder.encode(email))).willReturn(okJson(body)));
        return this;
    }

    /** The form fields (or JSON fields, flattened to strings) of each call to {@code method}, oldest first. */
    public List<Map<String, String>> calls(String method) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/api/" + method))).stream().map(SlackApi::fields).toList();
    }

    /** What Slack answered to each call of {@code method}, oldest first (e.g. the {@code ts} of a posted message). */
    public List<JsonNode> answers(String method) {
        List<JsonNode> answers = new ArrayList<>();
        for (ServeEvent served : server.getAllServeEvents()) { // newest first
            if (URI.create(served.getRequest().getUrl()).getPath().equals("/api/" + method)) {
                answers.add(0, parse(served.getResponse().getBodyAsString()));
            }
        }
        return answers;
    }

    /** The Web API methods called so far, oldest first (e.g. {@code [users.info, views.open]}). */
    public List<String> methodsCalled() {
        List<String> newestFirst = server.getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
                .filter(url -> url.startsWith("/api/")).map(url -> url.substring("/api/".length())).collect(Collectors.toList());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The value of the first button with {@code actionId} in a message posted to {@code channel}, if any yet. */
    public Optional<String> buttonValue(String channel, String actionId) {
        return calls("chat.postMessage").stream().filter(c -> channel.equals(c.get("channel")) && c.containsKey("blocks"))
                .flatMap(c -> StreamSupport.stream(json(c, "blocks").spliterator(), false))
                .flatMap(block -> StreamSupport.stream(block.path("elements").spliterator(), false))
                .filter(element -> actionId.equals(element.path("action_id").asText()))
                .map(element -> element.path("value").asText())
                .findFirst();
    }

    /** How many messages were posted to {@code channel}. */
    public long postsTo(String channel) {
        return calls("chat.postMessage").stream().filter(c -> channel.equals(c.get("channel"))).count();
    }

    /** The JSON bodies posted to {@link #responseUrl()}, oldest first. */
    public List<JsonNode> responses() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/response-url"))).stream()
                .map(r -> parse(r.getBodyAsString())).toList();
    }

    /** Calls {@code listener} with the fields of every call to {@code method} as it arrives (for timing). */
    public void onCall(String method, java.util.function.Consumer<Map<String, String>> listener) {
        server.addMockServiceRequestListener((request, response) -> {
            if (request.getUrl().startsWith("/api/" + method)) {
                listener.accept(fields(LoggedRequest.createFrom(request)));
            }
        });
    }

    /** Forgets the calls recorded so far (stubs stay). */
    public void resetCalls() {
        server.resetRequests();
    }

    /** Parses a JSON-valued field of a call, e.g. {@code blocks} or {@code view}. */
    public static JsonNode json(Map<String, String> call, String field) {
        try {
            return JSON.readTree(call.get(field));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(field + " is not JSON: " + call.get(field), e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static MappingBuilder stub(String method) {
        return post(urlPathEqualTo("/api/" + method));
    }

    private static Map<String, String> fields(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        String body = request.getBodyAsString();
        String type = request.getHeader("Content-Type");
        if (type != null && type.startsWith("application/json")) {
            try {
                JSON.readTree(body).fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                fields.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String auth = request.getHeader("Authorization");
        if (auth != null) {
            fields.put("_authorization", auth);
        }
        return fields;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static final class URLEncoder {
        static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
