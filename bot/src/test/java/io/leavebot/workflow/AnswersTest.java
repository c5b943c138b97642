package io.leavebot.workflow;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.durable.model.ErrorObject;
import org.junit.jupiter.api.Test;

/** The approval callback's wire form: what {@link Answers} writes it reads back, and it reads others leniently. */
class AnswersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRejectionAndAWithdrawalTravelAsFailuresWithTheirAnswer() {
        Answer rejection = Answer.reject(GRACE, "Release week");
        ErrorObject failure = Answers.failure(rejection);

        assertEquals(Answers.REJECTED, failure.errorType());
        assertEquals("rejected by Grace Hopper", failure.errorMessage());
        assertEquals(rejection, Answers.fromFailure(failure));
        assertEquals(Answer.cancel(ADA), Answers.fromFailure(Answers.failure(Answer.cancel(ADA))));
    }

    @Test
    void anApprovalIsNotAFailure() {
        assertThrows(IllegalArgumentException.class, () -> Answers.failure(Answer.approve(GRACE, null)));
    }

    @Test
    void anApprovalReadsBackFromItsJson() throws Exception {
        Answer approval = Answer.approve(GRACE, "Enjoy");

        assertEquals(approval, Answers.fromSuccess(JSON.readTree(JSON.writeValueAsString(approval))));
    }

    @Test
    void anyOtherSuccessApprovesAndAnyOtherFailureRejectsWithItsMessage() throws Exception {
        assertEquals(Answer.approve(null, null), Answers.fromSuccess(JSON.readTree("\"ok\"")));
        assertEquals(Answer.approve(null, null), Answers.fromSuccess(null));
        assertEquals(Answer.reject(null, "stopped by ops"), Answers.fromFailure(ErrorObject.of("Ops", "stopped by ops")));
        assertEquals(Answer.cancel(null), Answers.fromFailure(new ErrorObject(Answers.CANCELLED, "x", "not json", null)));
    }
}
