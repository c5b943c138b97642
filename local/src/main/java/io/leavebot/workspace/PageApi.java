package io.leavebot.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.workspace.People.Member;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The JSON the workspace page talks to, under {@value #PREFIX}: the state one person sees (polled), and what they do
 * (type, click, change an input that dispatches actions, submit, close a modal, open Home), plus the outbox, executions, team calendar and time panels. Only the page on
 * this server may use it: changes must come as {@code application/json}, which a page from elsewhere cannot send
 * without the browser asking first, and a request must name this machine in its {@code Host} (against DNS rebinding)
 * unless the workspace was opened to other machines on purpose.
 */
final class PageApi {
    static final String PREFIX = "/workspace/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An endpoint: the request's query or JSON body as fields, to the answer's JSON. */
    @FunctionalInterface
    private interface Endpoint {
        JsonNode answer(JsonNode request);
    }

    private final People people;
    private final Conversations conversations;
    private final Surfaces surfaces;
    private final Interactions interactions;
    private final Panels panels;
    private final UserGrants grants;
    private final boolean loopbackOnly;

    PageApi(People people, Conversations conversations, Surfaces surfaces, Interactions interactions, Panels panels,
            UserGrants grants, boolean loopbackOnly) {
        this.grants = grants;
        this.people = people;
        this.conversations = conversations;
        this.surfaces = surfaces;
        this.interactions = interactions;
        this.panels = panels;
        this.loopbackOnly = loopbackOnly;
    }

    /** Path → handler, each to be mounted on LeaveBot's web server. */
    Map<String, Function<WebRequest, WebResponse>> routes() {
        Map<String, Function<WebRequest, WebResponse>> routes = new LinkedHashMap<>();
        routes.put(PREFIX + "people", get(r -> people()));
        routes.put(PREFIX + "state", get(this::state));
        routes.put(PREFIX + "type", post(r -> act(r, who -> interactions.type(who, channel(r), text(r, "text")))));
        routes.put(PREFIX + "click", post(r -> act(r, who -> click(who, r))));
        routes.put(PREFIX + "change", post(r -> act(r, who -> interactions.changeInView(who, text(r, "view_id"), text(r, "block_id"),
                text(r, "action_id"), values(r)))));
        routes.put(PREFIX + "submit", post(r -> act(r, who -> interactions.submit(who, text(r, "view_id"), values(r)))));
        routes.put(PREFIX + "close", post(r -> act(r, who -> surfaces.close(who.id()))));
        routes.put(PREFIX + "home", post(r -> act(r, interactions::openHome)));
        routes.put(PREFIX + "outbox", get(r -> panels.outbox()));
        routes.put(PREFIX + "executions", get(r -> panels.executions(r.hasNonNull("marker") ? text(r, "marker") : null)));
        routes.put(PREFIX + "history", get(r -> panels.history(text(r, "arn"))));
        routes.put(PREFIX + "time", post(r -> panels.skip(duration(r))));
        routes.put(PREFIX + "calendar", get(r -> panels.calendar(member(r).person(), weeksAhead(r))));
        return routes;
    }

    /** The team: its name, and each member's id, name and title. */
    private JsonNode people() {
        ObjectNode team = JSON.createObjectNode().put("team", panels.teamName());
        var list = team.putArray("people");
        people.members().forEach(m -> list.addObject().put("id", m.id()).put("name", m.name()).put("title", m.title()));
        return team;
    }

    /**
     * What {@code user} sees: the conversation they look at (with the ephemeral messages for them), their open modal
     * with any problems under its blocks, their Home tab, and the time.
     */
    private JsonNode state(JsonNode request) {
        Member who = member(request);
        String channel = channel(request);
        ObjectNode state = JSON.createObjectNode().put("channel", channel);
        state.set("messages", conversations.seenBy(channel, who.id()));
        surfaces.modalOf(who.id()).ifPresent(modal -> {
            state.set("modal", modal);
            state.set("modal_errors", JSON.valueToTree(surfaces.errorsOf(modal.path("id").asText())));
        });
        surfaces.homeOf(who.id()).ifPresent(home -> state.set("home", home));
        grants.statusOf(who.id()).ifPresent(s -> state.putObject("status").put("text", s.text()).put("emoji", s.emoji()));
        state.set("time", panels.time());
        return state;
    }

    private void click(Member who, JsonNode r) {
        if (r.hasNonNull("view_id")) {
            interactions.clickInView(who, text(r, "view_id"), text(r, "block_id"), text(r, "action_id"));
        } else {
            interactions.clickInMessage(who, channel(r), text(r, "ts"), text(r, "block_id"), text(r, "action_id"));
        }
    }

    /** Does what {@code action} says as the request's person. */
    private JsonNode act(JsonNode request, Consumer<Member> action) {
        action.accept(member(request));
        return JSON.createObjectNode().put("ok", true);
    }

    private Member member(JsonNode request) {
        return people.byId(text(request, "user")).orElseThrow(() -> new IllegalArgumentException("nobody in the workspace has the id "
                + request.path("user").asText()));
    }

    private String channel(JsonNode request) {
        String channel = request.path("channel").asText(Conversations.GENERAL);
        if (!conversations.exists(channel)) {
            throw new IllegalArgumentException("the workspace has no conversation " + channel);
        }
        return channel;
    }

    private static ObjectNode values(JsonNode request) {
        JsonNode values = request.path("values");
        if (!values.isObject()) {
            throw new IllegalArgumentException("a submission needs its values");
        }
        return (ObjectNode) values;
    }

    /** {@code weeks=4} for the next 4 weeks; 1 or none for this week. */
    private static boolean weeksAhead(JsonNode request) {
        String weeks = request.path("weeks").asText("1");
        if (!weeks.equals("1") && !weeks.equals("4")) {
            throw new IllegalArgumentException("weeks is 1 (this week) or 4 (the next 4 weeks)");
        }
        return weeks.equals("4");
    }

    private static Duration duration(JsonNode request) {
        try {
            return Duration.parse(text(request, "skip"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("skip needs an ISO-8601 duration such as PT1H or P1D");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value.asText();
    }

    private Function<WebRequest, WebResponse> get(Endpoint endpoint) {
        return request -> {
            if (!request.method().equals("GET")) {
                return answer(405, error("use GET"));
            }
            ObjectNode query = JSON.createObjectNode();
            queryFields(request.rawQuery()).forEach(query::put);
            return run(request, endpoint, query);
        };
    }

    private Function<WebRequest, WebResponse> post(Endpoint endpoint) {
        return request -> {
            String type = request.headers().getOrDefault("Content-Type", "");
            if (!request.method().equals("POST") || !type.startsWith("application/json")) {
                return answer(415, error("send a POST with a JSON body (Content-Type: application/json)"));
            }
            try {
                JsonNode body = JSON.readTree(new String(request.body(), StandardCharsets.UTF_8));
                return body != null && body.isObject() ? run(request, endpoint, body) : answer(400, error("the body is not a JSON object"));
            } catch (JsonProcessingException e) {
                return answer(400, error("the body is not JSON"));
            }
        };
    }

    private WebResponse run(WebRequest request, Endpoint endpoint, JsonNode fields) {
        if (loopbackOnly && !isLoopbackHost(request.headers().get("Host"))) {
            return answer(403, error("the workspace answers only pages opened at 127.0.0.1 or localhost"));
        }
        try {
            return answer(200, endpoint.answer(fields));
        } catch (IllegalArgumentException e) {
            return answer(400, error(e.getMessage()));
        }
    }

    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceAll(":\\d+$", "");
        return name.equals("localhost") || name.equals("[::1]") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    private static Map<String, String> queryFields(String rawQuery) {
        Map<String, String> fields = new HashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    private static JsonNode error(String message) {
        return JSON.createObjectNode().put("ok", false).put("error", message);
    }

    private static WebResponse answer(int status, JsonNode body) {
        return new WebResponse(status, Map.of("Content-Type", "application/json; charset=utf-8", "Cache-Control", "no-store"),
                body.toString());
    }
}
