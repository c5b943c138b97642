package io.leavebot.aws;

import io.leavebot.testing.SampleLeaves;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Answers that reach the approval callback without coming from the request's approver — sent with valid
 * credentials, as anyone holding a callback id and a way to the Lambda API could — change nothing: the workflow on
 * AWS (DynamoDB, SES) records each in the request's audit, asks the approver again with a fresh callback, and a
 * real approval still works. Each is sent twice over: through the Lambda REST route with a plain SDK
 * {@code LambdaClient} (what the AWS CLI does), and through LeaveBot's own {@link LambdaDurableClient}.
 */
class ForgedAnswersTest {
    private static final String REQUEST = "{\"start_date\": \"2026-01-12\", \"end_date\": \"2026-01-16\", "
            + "\"employee_email\": \"ada@example.org\", \"request_id\": \"hr-7\"}";
    private static final String ID = "api-hr-7";

    @RegisterExtension
    static final AwsFunctions aws = new AwsFunctions();

    /** A forgery: how it is sent to a callback id, and the reason the audit must give. */
    record Forgery(String name, BiConsumer<Sender, String> send, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Completes a callback, on one of the two routes. */
    interface Sender {
        void succeed(String callbackId, String result);

        void fail(String callbackId, ErrorObject error);
    }

    static Stream<Arguments> forgeries() {
        List<Forgery> forgeries = List.of(
                new Forgery("a decider who is not the approver", (s, cb) -> s.succeed(cb,
                        "{\"requestId\":\"" + ID + "\",\"outcome\":\"APPROVED\",\"by\":{\"email\":\"mallory@example.org\"}}"),
                        "a decision by mallory@example.org, who is not this request's approver"),
                new Forgery("malformed JSON", (s, cb) -> s.succeed(cb, "{\"outcome\": \"APPROVED\""), "not JSON"),
                new Forgery("an unknown outcome", (s, cb) -> s.succeed(cb,
                        "{\"requestId\":\"" + ID + "\",\"outcome\":\"reject\",\"by\":{\"email\":\"grace@example.org\"}}"),
                        "unknown outcome \"reject\""),
                new Forgery("an answer for another request", (s, cb) -> s.succeed(cb,
                        "{\"requestId\":\"api-other\",\"outcome\":\"APPROVED\",\"by\":{\"email\":\"grace@example.org\"}}"),
                        "an answer for request \"api-other\""),
                new Forgery("the seed's decision body", (s, cb) -> s.succeed(cb,
                        "{\"callback_id\":\"" + cb + "\",\"decision\":\"reject\"}"), "unknown field \"callback_id\""),
                new Forgery("a failure LeaveBot does not write", (s, cb) -> s.fail(cb, ErrorObject.of("Ops", "stopped")),
                        "type \"Ops\""),
                new Forgery("a withdrawal by someone else", (s, cb) -> s.fail(cb, new ErrorObject("LeaveBot.Cancelled",
                        "withdrawn", "{\"requestId\":\"" + ID + "\",\"outcome\":\"CANCELLED\",\"by\":{\"email\":\"grace@example.org\"}}",
                        null)), "a withdrawal by grace@example.org, who did not ask for this leave"));
        return forgeries.stream().flatMap(f -> Stream.of(Arguments.of(f, "the Lambda REST route"),
                Arguments.of(f, "LambdaDurableClient")));
    }

    @ParameterizedTest(name = "{0} through {1}")
    @MethodSource("forgeries")
    void aForgedAnswerChangesNothingAndTheApproverIsAskedAgain(Forgery forgery, String route) {
        LeaveRequest asked = submitted();
        String first = SampleLeaves.callbackOf(asked);

        forgery.send().accept(sender(route), first);
        aws.settle();

        LeaveRequest after = aws.leave(ID);
        assertEquals(LeaveStatus.PENDING, after.status(), "the forgery decided nothing");
        assertNotEquals(first, SampleLeaves.callbackOf(after), "the approver was asked again with a fresh callback");
        List<AuditEntry> audit = aws.audit(ID);
        assertEquals(1, audit.size(), audit::toString);
        assertEquals(AuditEntry.ANSWER_REFUSED, audit.get(0).kind());
        assertTrue(audit.get(0).details().contains(forgery.reason()), audit.get(0)::details);
        assertEquals(1, aws.mailTo("grace@example.org", "Please decide again").size());
        assertEquals(0, aws.mailTo("ada@example.org", "Your leave").size(), "Ada was told nothing");

        // the old callback is closed: its answer is refused by the service itself
        assertEquals(410, decide(first, "approve").status());
        // the approver's real decision, through the decision API with the new callback id
        assertEquals(202, decide(SampleLeaves.callbackOf(after), "approve").status());
        aws.settle();
        assertEquals(LeaveStatus.APPROVED, aws.leave(ID).status());
        assertEquals(1, aws.mailTo("ada@example.org", "Your leave is approved").size());
    }

    @Test
    void askingAgainDoesNotGrowTheApproversWindow() {
        LeaveRequest asked = submitted();
        aws.advance(Duration.ofDays(2));

        sender("LambdaDurableClient").succeed(SampleLeaves.callbackOf(asked), "{\"outcome\": \"APPROVED\"}");
        aws.settle();
        assertEquals(LeaveStatus.PENDING, aws.leave(ID).status());

        aws.advance(Duration.ofDays(1).minusSeconds(5));
        assertEquals(LeaveStatus.PENDING, aws.leave(ID).status(), "still inside the first three days");
        aws.advance(Duration.ofSeconds(10));
        LeaveRequest expired = aws.leave(ID);
        assertEquals(LeaveStatus.EXPIRED, expired.status(), "expired three days after it was asked, as before");
        assertTrue(Duration.between(expired.createdAt(), expired.decision().at()).compareTo(Duration.ofDays(3).plusSeconds(10)) <= 0);
    }

    private static LeaveRequest submitted() {
        assertEquals(202, aws.api("POST", "/api/leaves", AwsFunctionsTest.AUTHORIZED, REQUEST, false).status());
        aws.settle();
        LeaveRequest asked = aws.leave(ID);
        assertTrue(SampleLeaves.callbackOf(asked) != null, "the approver was asked");
        return asked;
    }

    private static FunctionUrlEvents.Answer decide(String callbackId, String decision) {
        return aws.api("POST", "/api/decisions", AwsFunctionsTest.AUTHORIZED,
                "{\"callback_id\": \"" + callbackId + "\", \"decision\": \"" + decision + "\"}", false);
    }

    private static Sender sender(String route) {
        LambdaClient lambda = aws.lambda();
        if (route.equals("LambdaDurableClient")) {
            DurableClient client = new LambdaDurableClient(aws.clients().lambda(), AwsFunctions.WORKFLOW_ALIAS_ARN);
            return new Sender() {
                @Override
                public void succeed(String callbackId, String result) {
                    client.succeedCallback(callbackId, result);
                }

                @Override
                public void fail(String callbackId, ErrorObject error) {
                    client.failCallback(callbackId, error);
                }
            };
        }
        return new Sender() {
            @Override
            public void succeed(String callbackId, String result) {
                lambda.sendDurableExecutionCallbackSuccess(b -> b.callbackId(callbackId).result(SdkBytes.fromUtf8String(result)));
            }

            @Override
            public void fail(String callbackId, ErrorObject error) {
                lambda.sendDurableExecutionCallbackFailure(b -> b.callbackId(callbackId).error(e -> e
                        .errorType(error.errorType()).errorMessage(error.errorMessage()).errorData(error.errorData())));
            }
        };
    }
}
