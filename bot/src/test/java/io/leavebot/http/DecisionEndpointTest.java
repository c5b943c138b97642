package io.leavebot.http;

import io.leavebot.testing.SampleLeaves;
import static io.leavebot.testing.LeaveBotHarness.ADA;
import static io.leavebot.testing.LeaveBotHarness.GRACE;
import static io.leavebot.testing.LeaveBotHarness.LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.email.DecisionLinks;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.WebHarness;
import io.leavebot.workflow.Answer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DecisionEndpointTest {
    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void validLinkShowsTheRequestAndItsPostApproves() {
        web.submitted("r1");
        String token = web.tokenFromMail(GRACE, "Approve");

        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertEquals(200, page.statusCode());
        assertContains(page.body(), "Approve Ada Lovelace&#39;s leave?", "Mon 12 Jan 2026 – Fri 16 Jan 2026",
                "5 working days", "Annual leave", "Family visit", "name=\"token\" value=\"" + token + "\"", "Approve leave");
        assertFalse(page.body().contains("<textarea"), "an approval asks for no comment");
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status(), "showing the page changes nothing");

        HttpResponse<String> done = web.postForm("/decide", Map.of("token", token));
        assertEquals(200, done.statusCode());
        assertContains(done.body(), "you approved", "Ada Lovelace will be told");
        web.bot().settle();
        LeaveRequest leave = web.bot().leave("r1");
        assertEquals(LeaveStatus.APPROVED, leave.status());
        assertTrue(GRACE.isSameAs(leave.decision().by()));
        assertEquals(1, web.bot().mailTo(ADA, "Your leave is approved").size(), "the employee is told once");
    }

    @Test
    void pagesForbidFramingAndKeepTheLinkToThemselves() {
        web.submitted("r1");
        HttpResponse<String> page = web.get("/decide?token=" + web.tokenFromMail(GRACE, "Approve"));
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
    }

    @Test
    void rejectLinkTakesAnOptionalCommentAndShowsItEscaped() {
        web.submitted("r1");
        String token = web.tokenFromMail(GRACE, "Reject");
        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertContains(page.body(), "Reject Ada Lovelace&#39;s leave?", "<textarea", "Reject leave");

        HttpResponse<String> done = web.postForm("/decide", Map.of("token", token, "comment", "Release week <b>sorry</b>"));
        assertEquals(200, done.statusCode());
        assertContains(done.body(), "you rejected", "Release week &lt;b&gt;sorry&lt;/b&gt;");
        assertFalse(done.body().contains("<b>sorry"));
        web.bot().settle();
        LeaveRequest leave = web.bot().leave("r1");
        assertEquals(LeaveStatus.REJECTED, leave.status());
        assertEquals("Release week <b>sorry</b>", leave.decision().comment());
    }

    @Test
    void reusedLinkSaysWhoDecidedAndWhenAndChangesNothing() {
        web.submitted("r1");
        String approve = web.tokenFromMail(GRACE, "Approve");
        web.postForm("/decide", Map.of("token", approve));
        web.bot().settle();
        LeaveRequest decided = web.bot().leave("r1");
        web.bot().advance(Duration.ofSeconds(30));

        HttpResponse<String> again = web.postForm("/decide", Map.of("token", approve));
        assertEquals(410, again.statusCode());
        assertContains(again.body(), "already been decided", "already approved by Grace Hopper on Mon 5 Jan 2026",
                "Nothing was changed");
        HttpResponse<String> otherLink = web.postForm("/decide", Map.of("token", web.tokenFromMail(GRACE, "Reject"), "comment", "no"));
        assertEquals(410, otherLink.statusCode());
        assertEquals(410, web.get("/decide?token=" + approve).statusCode());

        web.bot().settle();
        assertEquals(decided, web.bot().leave("r1"), "the request is as the first decision left it");
        assertEquals(1, web.bot().mailTo(ADA, "Your leave").size(), "no second outcome for the employee");
    }

    @Test
    void expiredLinkChangesNothing() {
        web.submitted("r1");
        String token = LINKS.token("r1", LeaveStatus.APPROVED, SampleLeaves.callbackOf(web.bot().leave("r1")),
                web.bot().now().minusSeconds(1));

        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertEquals(410, page.statusCode());
        assertContains(page.body(), "This link has expired", "stopped working on Mon 5 Jan 2026", "Nothing was changed");
        assertEquals(410, web.postForm("/decide", Map.of("token", token)).statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());
    }

    @Test
    void linkOfAnExpiredRequestSaysSo() {
        web.submitted("r1");
        String token = web.tokenFromMail(GRACE, "Approve");
        web.bot().advance(LeaveBotHarness.TIMEOUT.minusSeconds(1));
        web.bot().advance(Duration.ofSeconds(1));
        assertEquals(LeaveStatus.EXPIRED, web.bot().leave("r1").status());

        HttpResponse<String> answer = web.postForm("/decide", Map.of("token", token));
        assertEquals(410, answer.statusCode());
        assertContains(answer.body(), "This request has expired", "Ada Lovelace&#39;s request expired on Mon 5 Jan 2026",
                "because nobody decided it in time", "Nothing was changed");
        assertFalse(answer.body().contains("already been decided"), answer.body());
        assertEquals(LeaveStatus.EXPIRED, web.bot().leave("r1").status());
    }

    @Test
    void linkOfAWithdrawnRequestSaysItWasWithdrawn() {
        web.submitted("r1");
        String token = web.tokenFromMail(GRACE, "Approve");
        web.bot().leaves().answer("r1", Answer.cancel(ADA));
        web.bot().settle();

        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertEquals(410, page.statusCode());
        assertContains(page.body(), "This request was withdrawn", "was withdrawn by Ada Lovelace", "Nothing was changed");
        assertFalse(page.body().contains("already been decided"), page.body());
    }

    @Test
    void tamperedLinkChangesNothing() {
        web.submitted("r1");
        String approve = web.tokenFromMail(GRACE, "Approve");
        String turnedIntoReject = approve.replace(".approve.", ".reject.");

        HttpResponse<String> page = web.get("/decide?token=" + turnedIntoReject);
        assertEquals(400, page.statusCode());
        assertContains(page.body(), "This link is not valid", "changed after LeaveBot sent it", "Nothing was changed");
        assertFalse(page.body().contains("Slack"), "with e-mail only, the page points to no chat app: " + page.body());
        assertEquals(400, web.postForm("/decide", Map.of("token", turnedIntoReject)).statusCode());
        String otherSecret = new DecisionLinks("another-secret-that-is-long-enough-for-hmac", "http://x.example/decide")
                .token("r1", LeaveStatus.APPROVED, SampleLeaves.callbackOf(web.bot().leave("r1")), web.bot().now().plusSeconds(60));
        assertEquals(400, web.postForm("/decide", Map.of("token", otherSecret)).statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());
    }

    @Test
    void incompleteOrMissingLinkIsExplained() {
        HttpResponse<String> cut = web.get("/decide?token=cmVxLTE.approve.17");
        assertEquals(400, cut.statusCode());
        assertContains(cut.body(), "This link is incomplete", "copy the whole link");
        assertEquals(400, web.get("/decide").statusCode());
        assertEquals(400, web.postForm("/decide", Map.of("comment", "no token")).statusCode());
    }

    @Test
    void linkForAnUnknownRequestGets404() {
        String token = LINKS.token("never-submitted", LeaveStatus.APPROVED, "cb", web.bot().now().plusSeconds(60));
        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertEquals(404, page.statusCode());
        assertContains(page.body(), "We could not find this leave request", "Nothing was changed");
        assertEquals(404, web.postForm("/decide", Map.of("token", token)).statusCode());
    }

    @Test
    void everythingPeopleTypedIsEscaped() {
        var submission = new LeaveSubmission("r2", ADA, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 12),
                false, "<script>alert('hi')</script> & \"more\"");
        assertTrue(web.bot().leaves().submit(submission).accepted());
        web.bot().settle();
        HttpResponse<String> page = web.get("/decide?token=" + web.tokenFromMail(GRACE, "Reject"));
        assertContains(page.body(), "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
        assertFalse(page.body().contains("<script>"));
    }

    @Test
    void tooLongCommentIsSentBackWithTheFormAndDecidesNothing() {
        web.submitted("r1");
        String token = web.tokenFromMail(GRACE, "Reject");
        HttpResponse<String> page = web.postForm("/decide", Map.of("token", token, "comment", "x".repeat(1001)));
        assertEquals(400, page.statusCode());
        assertContains(page.body(), "longer than 1000 characters", "<textarea");
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());
        assertNull(web.bot().leave("r1").decision());
    }

    @Test
    void theReceiptsWithdrawLinkShowsTheRequestAndItsPostWithdraws() {
        web.submitted("r1");
        String token = web.tokenFromMail(ADA, "Withdraw");

        HttpResponse<String> page = web.get("/decide?token=" + token);
        assertEquals(200, page.statusCode());
        assertContains(page.body(), "Withdraw your leave request?", "Mon 12 Jan 2026 – Fri 16 Jan 2026",
                "name=\"token\" value=\"" + token + "\"", "Withdraw my request");
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status(), "showing the page changes nothing");

        HttpResponse<String> done = web.postForm("/decide", Map.of("token", token));
        assertEquals(200, done.statusCode());
        assertContains(done.body(), "Your request is withdrawn");
        web.bot().settle();
        LeaveRequest leave = web.bot().leave("r1");
        assertEquals(LeaveStatus.CANCELLED, leave.status());
        assertTrue(ADA.isSameAs(leave.decision().by()));

        HttpResponse<String> again = web.postForm("/decide", Map.of("token", token));
        assertEquals(410, again.statusCode(), "a second withdrawal changes nothing");
        assertContains(again.body(), "This request was withdrawn", "Nothing was changed");
        assertEquals(410, web.postForm("/decide", Map.of("token", web.tokenFromMail(GRACE, "Approve"))).statusCode());
    }

    @Test
    void afterTheApproverIsAskedAgainTheOldLinksAreReplacedAndTheNewOnesWork() {
        web.submitted("r1");
        String firstApprove = web.tokenFromMail(GRACE, "Approve");
        String firstCallback = SampleLeaves.callbackOf(web.bot().leave("r1"));
        // someone who is not Grace completes the callback: the workflow refuses it and asks Grace again
        web.bot().engine().succeedCallback(firstCallback,
                "{\"requestId\":\"r1\",\"outcome\":\"APPROVED\",\"by\":{\"email\":\"mallory@example.org\"}}");
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());
        assertFalse(firstCallback.equals(SampleLeaves.callbackOf(web.bot().leave("r1"))), "a fresh callback");

        HttpResponse<String> old = web.get("/decide?token=" + firstApprove);
        assertEquals(410, old.statusCode());
        assertContains(old.body(), "This link was replaced", "Nothing was changed");
        assertEquals(410, web.postForm("/decide", Map.of("token", firstApprove)).statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.PENDING, web.bot().leave("r1").status());

        assertEquals(1, web.bot().mailTo(GRACE, "Please decide again").size());
        assertEquals(200, web.postForm("/decide", Map.of("token", web.tokenFromMail(GRACE, "Approve"))).statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.APPROVED, web.bot().leave("r1").status());
    }

    @Test
    void aLinkFromBeforeLinksNamedTheirCallbackStillDecides() {
        web.submitted("r1");
        String released = LINKS.tokenWithoutCallback("r1", LeaveStatus.REJECTED, web.bot().now().plusSeconds(60));

        assertEquals(200, web.postForm("/decide", Map.of("token", released, "comment", "Sorry")).statusCode());
        web.bot().settle();
        assertEquals(LeaveStatus.REJECTED, web.bot().leave("r1").status());
    }

    @Test
    void otherMethodsGet405() {
        var response = web.send(HttpRequest.newBuilder(web.uri().resolve("/decide"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(405, response.statusCode());
        assertEquals("GET, POST", response.headers().firstValue("Allow").orElseThrow());
    }

    static void assertContains(String body, String... parts) {
        for (String part : parts) {
            assertTrue(body.contains(part), () -> "expected \"" + part + "\" in:\n" + body);
        }
    }
}
