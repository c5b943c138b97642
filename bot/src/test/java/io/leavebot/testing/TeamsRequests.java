package io.leavebot.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.leavebot.leave.Person;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Activities as the Bot Connector posts them to a Teams bot's messaging endpoint (shapes from the Bot Framework
 * REST reference and Teams' Universal Actions docs), each with a bearer token signed like Bot Framework's: RS256
 * with the {@link TeamsApi} key, issuer {@code https://api.botframework.com}, audience the App ID, valid for an
 * hour from the test clock's now, and the activity's service URL in its {@code serviceurl} claim.
 */
public final class TeamsRequests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<Instant> now;
    private final TeamsApi teams;
    private final AtomicLong sequence = new AtomicLong(1767603600000L);

    public TeamsRequests(Supplier<Instant> now, TeamsApi teams) {
        this.now = now;
        this.teams = teams;
    }

    /** One request: its headers and raw body. */
    public record Signed(Map<String, String> headers, String body) {
        public Signed withHeader(String name, String value) {
            Map<String, String> changed = new LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
            return new Signed(changed, body);
        }

        public Signed withBody(String otherBody) {
            return new Signed(headers, otherBody);
        }
    }

    /** {@code person} typed {@code text} in their chat with the bot. */
    public Signed message(Person person, String text) {
        ObjectNode activity = activity("message", person).put("textFormat", "plain").put("text", text);
        return sign(activity);
    }

    /** {@code person} clicked an {@code Action.Execute} with {@code verb} and {@code data} (inputs merged in). */
    public Signed click(Person person, String verb, JsonNode data) {
        ObjectNode activity = activity("invoke", person).put("name", "adaptiveCard/action");
        ObjectNode value = activity.putObject("value");
        value.putObject("action").put("type", "Action.Execute").put("verb", verb).set("data", data);
        value.put("trigger", "manual");
        return sign(activity);
    }

    /** {@code person} clicks the {@code Action.Execute} with {@code verb} on the newest card {@code holder} got with one. */
    public Signed clickOnCardOf(Person holder, Person person, String verb) {
        return click(person, verb, TeamsApi.execute(teams.cardWith(holder, verb), verb).path("data"));
    }

    /** {@code person} installed the bot: a conversationUpdate adding the bot to their chat. */
    public Signed installed(Person person) {
        ObjectNode activity = activity("conversationUpdate", person);
        activity.putArray("membersAdded").addObject().put("id", "28:" + TeamsApi.APP_ID);
        return sign(activity);
    }

    /** The activity under a valid token. */
    public Signed sign(ObjectNode activity) {
        return signWith(activity, teams.signingKey(), claims -> { });
    }

    /** The activity under a token signed with {@code key}, its claims changed by {@code change}. */
    public Signed signWith(ObjectNode activity, RSAKey key, Consumer<JWTClaimsSet.Builder> change) {
        Instant issued = now.get();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("https://api.botframework.com").audience(TeamsApi.APP_ID)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(issued.plus(Duration.ofHours(1))))
                .claim("serviceurl", activity.path("serviceUrl").asText());
        change.accept(claims);
        try {
            SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                    .keyID(key.getKeyID()).build(), claims.build());
            token.sign(new RSASSASigner(key));
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=utf-8");
            headers.put("Authorization", "Bearer " + token.serialize());
            return new Signed(headers, activity.toString());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An activity of {@code type} from {@code person} in their one-to-one chat with the bot. */
    public ObjectNode activity(String type, Person person) {
        String id = String.valueOf(sequence.incrementAndGet());
        ObjectNode activity = JSON.createObjectNode().put("type", type).put("id", id).put("timestamp", now.get().toString())
                .put("serviceUrl", teams.serviceUrl()).put("channelId", "msteams");
        activity.putObject("from").put("id", TeamsApi.userId(person)).put("name", person.displayName())
                .put("aadObjectId", "aad-" + TeamsApi.userId(person));
        activity.putObject("conversation").put("conversationType", "personal").put("tenantId", TeamsApi.TENANT)
                .put("id", TeamsApi.conversationId(person));
        activity.putObject("recipient").put("id", "28:" + TeamsApi.APP_ID).put("name", "LeaveBot");
        activity.put("locale", "en-GB");
        activity.putObject("channelData").putObject("tenant").put("id", TeamsApi.TENANT);
        return activity;
    }
}
