package io.leavebot.teams;

import static io.leavebot.testing.SampleLeaves.ADA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsHarness;
import io.leavebot.testing.TeamsRequests.Signed;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every request's token is checked before anything runs; each failure is a bare 401 that changes nothing. */
class TeamsEndpointTest {
    private static final String REQUEST = "leave 2026-01-12 2026-01-16 Family trip";

    @RegisterExtension
    final TeamsHarness teams = new TeamsHarness();

    @BeforeEach
    void adaUsesTeams() {
        teams.teams().member(ADA);
    }

    @Test
    void aValidTokenIsAcceptedAndTheRequestStarts() {
        assertEquals(200, teams.send(teams.requests().message(ADA, REQUEST)).status());
        teams.bot().settle();
        assertEquals(1, teams.bot().leaves().requestsOf(ADA).size());
        assertEquals(LeaveStatus.PENDING, teams.bot().leaves().requestsOf(ADA).get(0).status());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        var impostor = TeamsApi.newKey(teams.teams().signingKey().getKeyID()); // same key id, other key
        assertRefused(teams.requests().signWith(message(), impostor, claims -> { }));
    }

    @Test
    void aTokenForAnotherBotIsRefused() {
        assertRefused(teams.requests().signWith(message(), teams.teams().signingKey(), claims -> claims.audience("another-app-id")));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        assertRefused(teams.requests().signWith(message(), teams.teams().signingKey(),
                claims -> claims.issuer("https://sts.windows.net/" + TeamsApi.TENANT + "/")));
    }

    @Test
    void anExpiredTokenIsRefusedAfterFiveMinutesOfSkew() {
        Date sixMinutesAgo = Date.from(teams.bot().now().minus(Duration.ofMinutes(6)));
        assertRefused(teams.requests().signWith(message(), teams.teams().signingKey(), claims -> claims.expirationTime(sixMinutesAgo)));
        Date fourMinutesAgo = Date.from(teams.bot().now().minus(Duration.ofMinutes(4)));
        assertEquals(200, teams.send(teams.requests().signWith(message(), teams.teams().signingKey(),
                claims -> claims.expirationTime(fourMinutesAgo))).status(), "clocks drift a little");
    }

    @Test
    void aMissingTokenIsRefused() {
        Signed signed = teams.requests().message(ADA, REQUEST);
        assertRefused(signed.withHeader("Authorization", null));
        assertRefused(signed.withHeader("Authorization", "Basic YWRhOnNlY3JldA=="));
        assertRefused(signed.withHeader("Authorization", "Bearer not-a-jwt"));
    }

    @Test
    void aTokenForAnotherServiceUrlIsRefused() {
        Signed signed = teams.requests().message(ADA, REQUEST);
        assertRefused(signed.withBody(signed.body().replace(teams.teams().serviceUrl(), "https://attacker.example/teams/")));
        assertRefused(teams.requests().signWith(message(), teams.teams().signingKey(),
                claims -> claims.claim("serviceurl", "https://smba.trafficmanager.net/emea/")));
    }

    @Test
    void aBodyThatIsNoActivityIsABadRequestOnceTheTokenIsGood() {
        Signed signed = teams.requests().message(ADA, REQUEST);
        assertEquals(401, teams.send(signed.withBody("not json")).status(), "no serviceUrl to match: refused first");
        ObjectNode noSender = teams.requests().activity("message", ADA);
        noSender.remove("from");
        assertEquals(400, teams.send(teams.requests().sign(noSender)).status());
    }

    private ObjectNode message() {
        return teams.requests().activity("message", ADA).put("text", REQUEST);
    }

    /** 401 with an empty body, and nothing ran: no request, no saved conversation, no call to the Bot Connector. */
    private void assertRefused(Signed request) {
        var reply = teams.send(request);
        assertEquals(401, reply.status());
        assertEquals("", reply.body());
        teams.bot().settle();
        assertEquals(List.of(), teams.bot().leaves().requestsOf(ADA));
        assertTrue(teams.bot().store().addressOf("teams", ADA).isEmpty());
        assertTrue(teams.teams().calls().stream().noneMatch(call -> call.contains("/teams/")), teams.teams().calls().toString());
    }
}
