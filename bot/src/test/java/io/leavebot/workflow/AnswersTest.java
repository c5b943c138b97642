package io.leavebot.workflow;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The approval callback's wire form: what {@link Answers} writes it reads back; the operator's shape reads; and
 * everything else is refused with a reason, never taken as a decision.
 */
class AnswersTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void aRejectionAndAWithdrawalTravelAsFailuresWithTheirAnswer() {
        Answer rejection = Answer.reject(GRACE, "Release week").forRequest("r1");
        ErrorObject failure = Answers.failure(rejection);

        assertEquals(Answers.REJECTED, failure.errorType());
        assertEquals("rejected by Grace Hopper", failure.errorMessage());
        assertEquals(given(rejection), Answers.read(failure, AT));
        Answer withdrawal = Answer.cancel(ADA).forRequest("r1");
        assertEquals(given(withdrawal), Answers.read(Answers.failure(withdrawal), AT));
    }

    @Test
    void anApprovalIsNotAFailure() {
        assertThrows(IllegalArgumentException.class, () -> Answers.failure(Answer.approve(GRACE, null)));
    }

    @Test
    void anApprovalReadsBackFromItsJson() {
        Answer approval = Answer.approve(GRACE, "Enjoy").forRequest("r1");

        assertEquals(given(approval), Answers.read(Answers.write(approval), AT));
    }

    @Test
    void theOperatorsShapeReadsWithAnyOutcome() {
        assertEquals(given(new Answer(LeaveStatus.REJECTED, Person.ofEmail("grace@example.org", null), "By phone", "r1")),
                Answers.read("{\"requestId\":\"r1\",\"outcome\":\"REJECTED\",\"by\":{\"email\":\"grace@example.org\"},"
                        + "\"comment\":\"By phone\"}", AT));
    }

    @Test
    void anAnswerWrittenByTheLastReleaseStillReads() {
        // Jackson's form of the release's Answer(outcome, by, comment): no request id
        String released = "{\"outcome\":\"APPROVED\",\"by\":{\"slackUserId\":null,\"email\":\"grace@example.org\","
                + "\"displayName\":\"Grace Hopper\"},\"comment\":null}";

        assertEquals(given(new Answer(LeaveStatus.APPROVED, Person.ofEmail("grace@example.org", "Grace Hopper"), null, null)),
                Answers.read(released, AT));
    }

    @Test
    void anAnswerByASlackIdReadsAsThePersonKnownByItOrByTheEmailBesideIt() {
        String bySlackOnly = "{\"outcome\":\"APPROVED\",\"by\":{\"slackUserId\":\"U0DAN\",\"email\":null,"
                + "\"displayName\":\"Dan\"},\"comment\":null}";
        String byBoth = "{\"outcome\":\"APPROVED\",\"by\":{\"slackUserId\":\"U02GRACE\",\"email\":\"Grace@example.org\","
                + "\"displayName\":\"Grace Hopper\"},\"comment\":null}";

        Person dan = Person.ofChatUser("slack", "U0DAN", "Dan");
        assertEquals(given(new Answer(LeaveStatus.APPROVED, dan, null, null)), Answers.read(bySlackOnly, AT));
        assertEquals(given(new Answer(LeaveStatus.APPROVED, GRACE, null, null)), Answers.read(byBoth, AT));
        assertTrue(AnswerCheck.mayGive(((Answers.Received.Given) Answers.read(byBoth, AT)).answer(), ADA, GRACE),
                "matched to the approver by the e-mail");
        assertTrue(AnswerCheck.mayGive(((Answers.Received.Given) Answers.read(bySlackOnly, AT)).answer(), ADA, dan));
    }

    @Test
    void theDeciderIsWrittenByEmailOrElseBySlackId() {
        assertEquals("{\"email\":\"grace@example.org\",\"displayName\":\"Grace Hopper\"}",
                by(Answers.write(Answer.approve(GRACE, null))));
        assertEquals("{\"slackUserId\":\"U0DAN\",\"displayName\":null}",
                by(Answers.write(Answer.approve(Person.ofChatUser("slack", "U0DAN", null), null))));
    }

    private static String by(String answer) {
        try {
            return new ObjectMapper().readTree(answer).get("by").toString();
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anythingElseIsRefusedWithItsReason() {
        assertRefused("{\"callback_id\":\"cb\",\"decision\":\"reject\"}", "unknown field \"callback_id\"");
        assertRefused("not json", "not JSON");
        assertRefused("\"ok\"", "not a JSON object");
        assertRefused((String) null, "empty");
        assertRefused("{\"requestId\":\"r1\",\"outcome\":\"reject\",\"by\":{\"email\":\"grace@example.org\"}}",
                "unknown outcome \"reject\"");
        assertRefused("{\"requestId\":\"r1\",\"outcome\":\"EXPIRED\",\"by\":{\"email\":\"grace@example.org\"}}",
                "unknown outcome \"EXPIRED\"");
        assertRefused("{\"requestId\":\"r1\",\"outcome\":\"APPROVED\"}", "names no decider");
        assertRefused("{\"requestId\":\"r1\",\"outcome\":\"APPROVED\",\"by\":{}}", "neither an e-mail nor a Slack user id");
        assertRefused("{\"requestId\":\"r1\",\"outcome\":\"APPROVED\",\"by\":{\"email\":\"g@example.org\",\"admin\":true}}",
                "unknown field \"by.admin\"");
        assertRefused("{\"requestId\":1,\"outcome\":\"APPROVED\",\"by\":{\"email\":\"g@example.org\"}}", "requestId is not text");
        assertRefused("{\"comment\":\"" + "x".repeat(20_000) + "\"}", "more than an answer has");
    }

    @Test
    void aFailureLeaveBotDidNotWriteIsRefused() {
        assertRefused(ErrorObject.of("Ops", "stopped by ops"), "type \"Ops\"");
        assertRefused(new ErrorObject(Answers.CANCELLED, "x", "not json", null), "not JSON");
        String approval = Answers.write(Answer.approve(GRACE, null).forRequest("r1"));
        assertRefused(new ErrorObject(Answers.REJECTED, "x", approval, null), "carrying the outcome APPROVED");
    }

    private static Answers.Received given(Answer answer) {
        return new Answers.Received.Given(answer, AT);
    }

    private static void assertRefused(String result, String reasonPart) {
        assertReason(Answers.read(result, AT), reasonPart);
    }

    private static void assertRefused(ErrorObject failure, String reasonPart) {
        assertReason(Answers.read(failure, AT), reasonPart);
    }

    private static void assertReason(Answers.Received received, String reasonPart) {
        assertTrue(received instanceof Answers.Received.Unreadable u && u.reason().contains(reasonPart),
                () -> "expected a refusal mentioning '" + reasonPart + "', got " + received);
    }
}
