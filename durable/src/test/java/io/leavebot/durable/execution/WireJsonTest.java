package io.leavebot.durable.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.Operation.WaitDetails;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireJsonTest {
    private static final Instant NINE_O_CLOCK = Instant.parse("2026-01-05T09:00:00.123Z");

    @Test
    void envelopeWritesTimestampsAsEpochMilliseconds() throws Exception {
        assertEquals("{\"ScheduledEndTimestamp\":1767603600123}",
                WireJson.ENVELOPE.writeValueAsString(new WaitDetails(NINE_O_CLOCK)));
    }

    @Test
    void envelopeReadsEpochMillisecondsAndIsoText() throws Exception {
        for (String json : new String[] {
                "1767603600123", "\"2026-01-05T09:00:00.123Z\"", "\"2026-01-05 09:00:00.123000+00:00\"",
                "\"2026-01-05T10:00:00.123+01:00\""}) {
            var read = WireJson.ENVELOPE.readValue("{\"ScheduledEndTimestamp\":" + json + "}", WaitDetails.class);
            assertEquals(NINE_O_CLOCK, read.scheduledEndTimestamp(), json);
        }
    }

    @Test
    void envelopeReadsEpochSecondsWithAFractionAsTheRestApisWriteThem() throws Exception {
        var read = WireJson.ENVELOPE.readValue("{\"ScheduledEndTimestamp\":1767603600.123}", WaitDetails.class);

        assertEquals(NINE_O_CLOCK, read.scheduledEndTimestamp());
    }

    @Test
    void restWritesTimestampsAsEpochSecondsWithAFraction() throws Exception {
        assertEquals("{\"ScheduledEndTimestamp\":1767603600.123}",
                WireJson.REST.writeValueAsString(new WaitDetails(NINE_O_CLOCK)));
    }

    @Test
    void restReadsEpochSecondsWithOrWithoutAFraction() throws Exception {
        assertEquals(NINE_O_CLOCK, WireJson.REST.readValue("{\"ScheduledEndTimestamp\":1767603600.123}", WaitDetails.class)
                .scheduledEndTimestamp());
        assertEquals(Instant.parse("2026-01-05T09:00:00Z"), WireJson.REST.readValue("{\"ScheduledEndTimestamp\":1767603600}",
                WaitDetails.class).scheduledEndTimestamp());
    }

    @Test
    void envelopeReadsTheLambdaEventAndIgnoresMembersItDoesNotKnow() throws Exception {
        String event = """
                {"DurableExecutionArn": "arn:aws:lambda:eu-west-1:123456789012:function:f:$LATEST/durable-execution/n/e1",
                 "CheckpointToken": "dG9rZW4=",
                 "InitialExecutionState": {"Operations": [
                     {"Id": "e1", "Type": "EXECUTION", "Status": "STARTED", "StartTimestamp": 1767603600123,
                      "ExecutionDetails": {"InputPayload": "{\\"days\\":3}"}, "SomethingNew": true}],
                  "NextMarker": ""},
                 "UpdatedOperationIds": []}
                """;

        var input = WireJson.ENVELOPE.readValue(event, DurableExecutionInput.class);

        var execution = input.initialExecutionState().operations().get(0);
        assertEquals(OperationType.EXECUTION, execution.type());
        assertEquals(OperationStatus.STARTED, execution.status());
        assertEquals(NINE_O_CLOCK, execution.startTimestamp());
        assertEquals("{\"days\":3}", execution.executionDetails().inputPayload());
        assertEquals(false, input.initialExecutionState().hasMore(), "an empty NextMarker means the last page");
    }
}
