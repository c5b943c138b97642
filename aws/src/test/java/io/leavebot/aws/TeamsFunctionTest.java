package io.leavebot.aws;

import io.leavebot.testing.SampleLeaves;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.LeaveBotNames;
import io.leavebot.aws.FunctionUrlEvents.Answer;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.testing.CapturedLogs;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests.Signed;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LeaveBot in Teams on AWS, offline: activities signed like Bot Framework's reach {@link TeamsFunction} as Function
 * URL events; {@code leave …} starts the workflow with an asynchronous {@code Invoke} of its alias,
 * {@link WorkflowFunction} (with the Teams keys in the secret) records the request in DynamoDB and sends the approver
 * an Adaptive Card at the Bot Connector (WireMock), the approver's Approve completes the callback before the invoke
 * is answered, and the workflow records the approval and tells the employee in Teams.
 */
class TeamsFunctionTest {
    private static final String REQUEST = "leave 2026-01-12 2026-01-16 Family trip";

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inTeams();
    @RegisterExtension
    final CapturedLogs logs = new CapturedLogs();

    /** Ada and Grace have installed the bot: their conversations are saved in DynamoDB. */
    @BeforeEach
    void adaAndGraceUseTeams() {
        joinsTeams(ADA);
        joinsTeams(GRACE);
    }

    @ParameterizedTest(name = "body base64: {0}")
    @ValueSource(booleans = {false, true})
    void aLeaveMessageStartsTheWorkflowWithAnAsynchronousInvokeAndTheApproverGetsTheCardInTeams(boolean base64) {
        Answer answer = aws.teams(aws.teamsRequests().message(ADA, REQUEST), base64);
        assertEquals(200, answer.status(), answer::body);
        String id = idIn(aws.teamsApi().replies(ADA).get(0));
        aws.verifyStartedAsynchronously(id);

        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(id).status());
        assertEquals("Family trip", aws.leave(id).reason());
        JsonNode card = aws.teamsApi().cardWith(GRACE, TeamsApi.APPROVE);
        assertTrue(card.toString().contains("Leave request from Ada Lovelace"), card::toString);
        assertEquals(SampleLeaves.callbackOf(aws.leave(id)), TeamsApi.execute(card, TeamsApi.APPROVE).path("data").path("callback").asText());
        assertEquals(List.of(), aws.mailTo("grace@example.org", ""), "Grace is reached in Teams, not by e-mail");
    }

    @Test
    void approveInTeamsCompletesTheCallbackBeforeTheAnswerAndTheEmployeeIsToldInTeams() {
        String id = requested();
        Answer answer = aws.teams(aws.teamsRequests().clickOnCardOf(GRACE, GRACE, TeamsApi.APPROVE), true);
        assertEquals(200, answer.status(), answer::body);
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals("application/vnd.microsoft.card.adaptive", answer.json().path("type").asText());
        assertTrue(answer.json().path("value").toString().contains("You approved Ada Lovelace's leave"), answer::body);
        // completed before the answer: Lambda freezes the function once it has answered
        aws.lambdaWire().verify(1, postRequestedFor(urlMatching(AwsFunctions.CALLBACK_SUCCESS)));

        aws.settle();
        assertEquals(LeaveStatus.APPROVED, aws.leave(id).status());
        assertTrue(GRACE.isSameAs(aws.leave(id).decision().by()));
        List<JsonNode> toAda = aws.teamsApi().sent(ADA);
        assertTrue(TeamsApi.card(toAda.get(toAda.size() - 1)).toString().contains("Your leave is approved"), toAda::toString);
        assertEquals(List.of(), aws.mailTo("ada@example.org", "Your leave is approved"), "Ada is told in Teams");
    }

    @Test
    void aBadTokenIs401WithAnEmptyBodyAndNothingRuns() {
        Signed message = aws.teamsRequests().message(ADA, REQUEST);
        int callsBefore = aws.teamsApi().calls().size();
        Answer answer = aws.teams(message.withHeader("Authorization", "Bearer not-a-jwt"), false);
        assertEquals(401, answer.status());
        assertEquals("", answer.body());
        Answer forged = aws.teams(aws.teamsRequests().signWith(aws.teamsRequests().activity("message", ADA),
                TeamsApi.newKey(aws.teamsApi().signingKey().getKeyID()), claims -> { }), false);
        assertEquals(401, forged.status());
        assertTrue(aws.teamsApi().calls().stream().skip(callsBefore).allMatch(call -> call.startsWith("GET /v1/.well-known/")),
                "only Bot Framework's keys were read");
        aws.lambdaWire().verify(0, postRequestedFor(urlMatching(".*")));
    }

    @Test
    void aSecretWithOnlySomeTeamsKeysFailsBothFunctionsAtStartNamingTheMissingKeys() {
        String someTeams = AwsFunctions.SECRET_ARN + "-some-teams";
        aws.secrets().secret(someTeams, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\", \"teamsAppId\": \""
                + TeamsApi.APP_ID + "\", \"teamsAppPassword\": \"" + TeamsApi.APP_PASSWORD + "\"}");
        var settings = aws.settings(Map.of(LeaveBotNames.SECRET_ARN_ENV, someTeams));

        var teams = assertThrows(SettingsException.class, () -> new TeamsFunction(settings, aws.clients(), aws.time(), null));
        var workflow = assertThrows(SettingsException.class, () -> new WorkflowFunction(settings, aws.clients(), aws.time(),
                ChatChannels.EMAIL_ONLY, aws.teamsApi().settings()));
        for (SettingsException e : List.of(teams, workflow)) {
            assertTrue(e.getMessage().startsWith("The secret " + someTeams + " has some Teams keys but not [teamsTenantId]"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains(TeamsApi.APP_PASSWORD), e.getMessage());
        }
    }

    @Test
    void noLogShowsAValueOfTheSecret() {
        String id = requested();
        aws.teams(aws.teamsRequests().message(ADA, REQUEST).withHeader("Authorization", "Bearer not-a-jwt"), false);
        aws.teams(aws.teamsRequests().clickOnCardOf(GRACE, GRACE, TeamsApi.APPROVE), false);
        aws.settle();

        assertEquals(LeaveStatus.APPROVED, aws.leave(id).status());
        List<String> lines = logs.lines();
        assertTrue(lines.stream().anyMatch(l -> l.contains("teams: 401")), lines::toString);
        for (String secret : AwsFunctions.SECRET_VALUES) {
            assertEquals(List.of(), lines.stream().filter(l -> l.contains(secret)).toList());
        }
    }

    /** {@code person} installs the bot; Teams' members API knows them. */
    private static void joinsTeams(Person person) {
        aws.teamsApi().member(person);
        Answer answer = aws.teams(aws.teamsRequests().installed(person), false);
        assertEquals(200, answer.status(), answer::body);
    }

    /** Ada asks for Mon 12 – Fri 16 Jan 2026 in Teams, and the workflow runs until Grace is asked. */
    private static String requested() {
        Answer answer = aws.teams(aws.teamsRequests().message(ADA, REQUEST), false);
        assertEquals(200, answer.status(), answer::body);
        aws.settle();
        return idIn(aws.teamsApi().replies(ADA).get(0));
    }

    /** The request id in the bot's reply (the workflow's receipt may come before it). */
    private static String idIn(JsonNode reply) {
        return AwsFunctions.requestIdIn(TeamsApi.card(reply).toString());
    }
}
