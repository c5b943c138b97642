package io.leavebot.durable.testing;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Invokes a durable handler the way Lambda does: an envelope JSON into its stream entry point, the output
 * envelope parsed back. The handler reaches the service through the invocation context, as in the engine.
 */
public final class DurableInvoker {
    private DurableInvoker() {
    }

    /** One invocation with an envelope built from the service's current state and token. */
    public static DurableExecutionOutput invoke(RequestStreamHandler handler, InMemoryDurableService service) {
        return invoke(handler, envelope(service), service);
    }

    /** One invocation with the given envelope JSON, which may be malformed on purpose. */
    public static DurableExecutionOutput invoke(RequestStreamHandler handler, String envelopeJson, InMemoryDurableService service) {
        var output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(envelopeJson.getBytes(StandardCharsets.UTF_8)), output,
                    new TestLambdaContext(service));
            return WireJson.ENVELOPE.readValue(output.toByteArray(), DurableExecutionOutput.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope Lambda would send now: ARN, current token and the first page of the state. */
    public static String envelope(InMemoryDurableService service) {
        var input = new DurableExecutionInput(InMemoryDurableService.EXECUTION_ARN, service.checkpointToken(),
                service.initialState(), List.of());
        try {
            return WireJson.ENVELOPE.writeValueAsString(input);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the envelope is always serializable", e);
        }
    }
}
