package io.leavebot.durable;

import static io.leavebot.durable.model.InvocationStatus.FAILED;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DurableHandlerTest {
    private static final String ARN = InMemoryDurableService.EXECUTION_ARN;
    private static final String NOT_DURABLE = "not a durable execution event: DurableExecutionArn and CheckpointToken "
            + "are required (is durable execution enabled on this function?)";

    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");
    private final AtomicInteger runs = new AtomicInteger();
    private final FunctionHandler<String, String> handler = FunctionHandler.of(String.class, (in, ctx) -> {
        runs.incrementAndGet();
        return "ran";
    });

    @Test
    void envelopeWithoutAnExecutionArnIsRejected() {
        var error = rejected("{\"CheckpointToken\": \"token-1\", \"InitialExecutionState\": {\"Operations\": []}}");

        assertEquals(NOT_DURABLE, error.getMessage());
    }

    @Test
    void envelopeWithoutACheckpointTokenIsRejected() {
        var error = rejected("{\"DurableExecutionArn\": \"" + ARN + "\", \"InitialExecutionState\": {\"Operations\": []}}");

        assertEquals(NOT_DURABLE, error.getMessage());
    }

    @Test
    void eventThatIsNotJsonIsRejected() {
        var error = rejected("<xml>leave</xml>");

        assertTrue(error.getMessage().startsWith("not a durable execution event: Unexpected character ('<'"), error.getMessage());
    }

    @Test
    void plainLambdaEventWithoutTheDurableMembersIsRejected() {
        var error = rejected("{\"employee\": \"U042\", \"days\": 3}");

        assertEquals(NOT_DURABLE, error.getMessage());
    }

    @Test
    void envelopeWithoutTheExecutionOperationIsRejected() {
        var error = rejected("{\"DurableExecutionArn\": \"" + ARN + "\", \"CheckpointToken\": \"token-1\", "
                + "\"InitialExecutionState\": {\"Operations\": []}}");

        assertEquals("the execution state has no EXECUTION operation with id '" + InMemoryDurableService.EXECUTION_ID
                + "' (the last segment of the execution ARN)", error.getMessage());
    }

    @Test
    void executionArnWithoutAnIdSegmentIsRejected() {
        var error = rejected("{\"DurableExecutionArn\": \"leave-42\", \"CheckpointToken\": \"token-1\"}");

        assertEquals("malformed DurableExecutionArn 'leave-42': expected …/durable-execution/<name>/<id>", error.getMessage());
    }

    @Test
    void inputThatDoesNotFitTheInputTypeFailsTheExecutionNamingTheType() {
        var typed = FunctionHandler.of(Integer.class, (days, ctx) -> "ran");

        var output = invoke(typed, new InMemoryDurableService("\"three\""));

        assertEquals(FAILED, output.status());
        assertEquals(SerDesException.class.getName(), output.error().errorType());
        assertTrue(output.error().errorMessage().startsWith("cannot read java.lang.Integer from the stored JSON"),
                output.error().errorMessage());
    }

    private IllegalArgumentException rejected(String envelope) {
        var error = assertThrows(IllegalArgumentException.class, () -> invoke(handler, envelope, service));
        assertEquals(0, runs.get(), "the handler never ran");
        assertTrue(service.requests().isEmpty(), "nothing was checkpointed");
        return error;
    }
}
