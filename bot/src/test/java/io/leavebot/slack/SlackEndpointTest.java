package io.leavebot.slack;

import static io.leavebot.testing.SampleLeaves.slackIdOf;
import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeaveStatus;
import io.leavebot.slack.SlackEndpoint.Reply;
import io.leavebot.testing.SlackAppHarness;
import io.leavebot.testing.SlackRequests;
import io.leavebot.testing.SlackRequests.Signed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlackEndpointTest {
    @RegisterExtension
    final SlackAppHarness slack = new SlackAppHarness();

    @Test
    void aSignedCommandIsServedWithoutAskingSlackWhoWeAre() {
        assertEquals(List.of(), slack.slack().methodsCalled(), "building the app calls nothing (a Lambda cold start must not wait)");
        Reply reply = slack.send(slack.requests().command(slackIdOf(ADA), "list"));
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("You have no leave requests yet."), reply.body());
        assertEquals(List.of("users.info"), slack.slack().methodsCalled(), "no auth.test before the ack: only who typed it");
    }

    @Test
    void missingHeadersAreRefusedWithNoDetail() {
        Signed command = slack.requests().command(slackIdOf(ADA), "help");
        assertUnauthorized(command.withHeader("X-Slack-Signature", null));
        assertUnauthorized(command.withHeader("X-Slack-Request-Timestamp", null));
        assertUnauthorized(new Signed(Map.of(), command.body()));
    }

    @Test
    void aWrongSignatureIsRefused() {
        Signed command = slack.requests().command(slackIdOf(ADA), "help");
        String signature = command.header("X-Slack-Signature");
        String lastDigitChanged = signature.substring(0, signature.length() - 1) + (signature.endsWith("0") ? "1" : "0");
        assertUnauthorized(command.withHeader("X-Slack-Signature", lastDigitChanged));
        assertUnauthorized(command.withHeader("X-Slack-Signature", "v0=" + "ab".repeat(32)));
        assertUnauthorized(command.withHeader("X-Slack-Signature", "garbage"));
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreRefusedEitherWay() {
        String body = slack.requests().command(slackIdOf(ADA), "help").body();
        Instant now = slack.bot().now();
        assertUnauthorized(slack.requests().sign(body, now.minusSeconds(301)));
        assertUnauthorized(slack.requests().sign(body, now.plusSeconds(301)), "Bolt's own check lets the future pass");
        assertUnauthorized(slack.requests().sign(body, now.plus(Duration.ofDays(1))));
        assertEquals(200, slack.send(slack.requests().sign(body, now.minusSeconds(299))).status());
        assertEquals(200, slack.send(slack.requests().sign(body, now.plusSeconds(299))).status(), "clocks drift a little");
    }

    @Test
    void aReplayedBodyUnderAnotherTimestampIsRefused() {
        Signed captured = slack.requests().command(slackIdOf(ADA), "help");
        String later = String.valueOf(slack.bot().now().getEpochSecond() + 10);
        assertUnauthorized(captured.withHeader("X-Slack-Request-Timestamp", later));
    }

    @Test
    void aTamperedBodyIsRefused() {
        Signed command = slack.requests().command(slackIdOf(ADA), "2026-01-12 2026-01-16");
        assertUnauthorized(command.withBody(command.body().replace("U01ADA", "U03ALAN")));
        assertEquals(0, slack.executions());
    }

    @Test
    void nothingRunsForAnUnverifiedRequest() {
        slack.submitted("r1");
        Signed click = slack.requests().click(slackIdOf(ALAN), DecisionButtons.APPROVE,
                new DecisionButtons.Target("r1", "cb").encode());
        assertUnauthorized(click.withHeader("X-Slack-Signature", "v0=" + "00".repeat(32)));
        assertEquals(List.of(), slack.slack().calls("users.info"), "no Slack API call before verification");
        assertEquals(List.of(), slack.slack().responses());
        assertEquals(LeaveStatus.PENDING, slack.bot().leave("r1").status());
    }

    @Test
    void malformedBodiesAreBadRequests() {
        assertBadRequest("text=hello%zz&command=%2Fleave", "The body is not form-encoded.");
        assertBadRequest("just some text", "The body is not form-encoded.");
        assertBadRequest("payload=%7Bnot+json", "The payload is not JSON.");
        assertBadRequest("payload=%7B%22type%22%3A%22shortcut%22%7D", "Unknown payload type.");
        assertBadRequest("{\"type\":\"app_rate_limited\"}", "Unknown event type.");
        assertBadRequest("{\"type\": ", "The body is not JSON.");
        assertBadRequest("user_id=U01ADA&text=hello", "Not a Slack command, interaction or event.");
    }

    @Test
    void whenSlackFailsUsPeopleGetAPoliteAnswer() {
        slack.slack().answer("users.info", "{\"ok\":false,\"error\":\"invalid_auth\"}");
        Reply command = slack.send(slack.requests().command(slackIdOf(ADA), "list"));
        assertEquals(200, command.status());
        assertTrue(command.body().contains("Something went wrong on our side, so LeaveBot could not finish this."), command.body());
        assertFalse(command.body().contains("invalid_auth"), "Slack's error is for the log");

        assertEquals(200, slack.send(slack.requests().click(slackIdOf(ALAN), DecisionButtons.APPROVE,
                new DecisionButtons.Target("r1", "cb").encode())).status());
        assertTrue(slack.slack().responses().get(0).path("text").asText().startsWith("Something went wrong on our side"));

        Reply form = slack.send(slack.requests().viewSubmission(slackIdOf(ADA), "V0FORM1", RequestModal.CALLBACK_ID, "",
                SlackRequests.values()));
        assertEquals(500, form.status(), "Slack keeps the form open, with what was typed, and says it could not be sent");
        assertEquals("Internal Server Error", form.body());
    }

    @Test
    void slacksOwnChecksAreAnswered() {
        assertEquals(200, slack.send(slack.requests().sign("token=gIkuvaNzQIHg97ATvDxqgjtO&ssl_check=1")).status());
        Reply challenge = slack.send(slack.requests().sign("{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\","
                + "\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}"));
        assertEquals(200, challenge.status());
        assertTrue(challenge.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), challenge.body());
    }

    @Test
    void slacksDocumentedSigningExampleIsAccepted() {
        // the example of "Verifying requests from Slack": its secret, timestamp, body and signature
        String body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
                + "&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
                + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
                + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
        var endpoint = new SlackEndpoint(slack.app(), "8f742231b10e8888abcd99yyyzzz85a5",
                Clock.fixed(Instant.ofEpochSecond(1531420618 + 60), ZoneOffset.UTC));
        Reply reply = endpoint.handle(Map.of("x-slack-request-timestamp", List.of("1531420618"), "x-slack-signature",
                List.of("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")), body);
        assertEquals(404, reply.status(), "verified, then unmatched: LeaveBot has no /webhook-collect");
    }

    private void assertUnauthorized(Signed request) {
        assertUnauthorized(request, "");
    }

    private void assertUnauthorized(Signed request, String why) {
        Reply reply = slack.send(request);
        assertEquals(401, reply.status(), why);
        assertEquals("", reply.body(), "no detail for a prober");
    }

    private void assertBadRequest(String body, String message) {
        Reply reply = slack.send(slack.requests().sign(body));
        assertEquals(400, reply.status(), body);
        assertEquals(message, reply.body());
    }
}
