package io.leavebot.durable.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.DurableServiceException;
import io.leavebot.durable.DurableServiceException.CallbackClosedException;
import io.leavebot.durable.DurableServiceException.InvalidCheckpointTokenException;
import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.DurableServiceException.ResourceNotFoundException;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecutionInput;
import io.leavebot.durable.model.DurableExecutionOutput;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.testing.LocalLambda;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.CallbackTimeoutException;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;

/** Bad input through the real SDK to the embedded engine: each refusal is the specific exception, with its reason. */
class LambdaBadInputTest {
    static final String APPROVAL = "approval";
    static final String PROBE = "probe";
    static final String UNKNOWN_ARN = "arn:aws:lambda:us-east-1:000000000000:function:approval:$LATEST/durable-execution/x/none";

    @TempDir
    Path dir;

    EmbeddedEngine engine;
    LocalLambda local;
    LambdaDurableClient client;
    LambdaDurableService service;
    /** What the probe handler does with its invocation's envelope; it then answers FAILED. */
    volatile Consumer<DurableExecutionInput> probe = input -> { };

    /** Waits for one callback and returns its result. */
    public static class Approval extends DurableHandler<String, String> {
        @Override
        public String handleRequest(String input, DurableContext ctx) {
            return ctx.createCallback("manager-approval", String.class, CallbackConfig.timeout(Duration.ofHours(1))).get();
        }
    }

    @BeforeEach
    void start() {
        engine = EmbeddedEngine.builder(dir.resolve("engine.db")).build();
        local = LocalLambda.serving(engine);
        client = new LambdaDurableClient(local.caller(), APPROVAL);
        service = new LambdaDurableService(local.caller());
        engine.register(APPROVAL, new Approval()).register(PROBE, new ProbeHandler()).start();
    }

    @AfterEach
    void close() {
        local.close();
        engine.close();
    }

    @Test
    void unknownArnIsResourceNotFound() {
        var sdk = assertThrows(software.amazon.awssdk.services.lambda.model.ResourceNotFoundException.class,
                () -> local.lambda().getDurableExecution(r -> r.durableExecutionArn(UNKNOWN_ARN)));
        var ours = assertThrows(ResourceNotFoundException.class, () -> client.getHistory(UNKNOWN_ARN, null, 0));

        assertEquals("no durable execution has the ARN " + UNKNOWN_ARN, sdk.awsErrorDetails().errorMessage());
        assertEquals("no durable execution has the ARN " + UNKNOWN_ARN, ours.getMessage());
    }

    @Test
    void unknownCheckpointTokenIsARetryableInvalidCheckpointToken() {
        String arn = waitingApproval();

        var sdk = assertThrows(InvalidParameterValueException.class, () -> local.lambda()
                .checkpointDurableExecution(r -> r.durableExecutionArn(arn).checkpointToken("not-a-token")));
        var ours = assertThrows(InvalidCheckpointTokenException.class, () -> service.checkpoint(arn, "not-a-token", List.of()));

        assertTrue(sdk.awsErrorDetails().errorMessage().startsWith("Invalid Checkpoint Token"), sdk.getMessage());
        assertTrue(ours.isRetryable());
    }

    @Test
    void usedCheckpointTokenIsStale() throws Exception {
        var outcome = probeWith(input -> {
            service.checkpoint(input.durableExecutionArn(), input.checkpointToken(), List.of());
            service.checkpoint(input.durableExecutionArn(), input.checkpointToken(), List.of());
        });

        var e = assertThrows(InvalidCheckpointTokenException.class, () -> rethrow(outcome));
        assertTrue(e.getMessage().startsWith("Invalid Checkpoint Token: it was already used"), e.getMessage());
    }

    @Test
    void invalidWaitDurationInAnUpdateIsNamed() throws Exception {
        var zeroWait = OperationUpdate.builder("1", OperationType.WAIT, OperationAction.START).name("reminder-1")
                .waitOptions(new OperationUpdate.WaitOptions(0)).build();

        var outcome = probeWith(input -> service.checkpoint(input.durableExecutionArn(), input.checkpointToken(), List.of(zeroWait)));

        var e = assertThrows(InvalidParameterException.class, () -> rethrow(outcome));
        assertEquals("Updates[0]: WaitOptions.WaitSeconds must be 1-31622400 for wait 1", e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void unknownCallbackIdIsResourceNotFound() {
        var e = assertThrows(ResourceNotFoundException.class, () -> client.succeedCallback("bm9uZQ==", "\"yes\""));

        assertEquals("no callback has the id 'bm9uZQ=='", e.getMessage());
    }

    @Test
    void completingAClosedCallbackIsRefusedAndChangesNothing() {
        String arn = waitingApproval();
        String callbackId = callbackIdOf(arn);
        client.succeedCallback(callbackId, "\"yes\"");

        var sdk = assertThrows(CallbackTimeoutException.class, () -> local.lambda().sendDurableExecutionCallbackFailure(
                r -> r.callbackId(callbackId).error(e -> e.errorType("Rejected"))));
        var ours = assertThrows(CallbackClosedException.class, () -> client.failCallback(callbackId, ErrorObject.of("Rejected", "")));

        assertEquals("the callback has expired or is already closed (SUCCEEDED); nothing was changed",
                sdk.awsErrorDetails().errorMessage());
        assertEquals(sdk.awsErrorDetails().errorMessage(), ours.getMessage());
        assertEquals("\"yes\"", engine.awaitClosed(arn, Duration.ofSeconds(10)).result());
    }

    @Test
    void oversizeCallbackResultIsRefusedNamingTheLimit() {
        String callbackId = callbackIdOf(waitingApproval());

        var e = assertThrows(InvalidParameterException.class,
                () -> client.succeedCallback(callbackId, "\"" + "x".repeat(256 * 1024) + "\""));

        assertTrue(e.getMessage().startsWith("the callback Result is larger than 262144 bytes (256 KiB)"), e.getMessage());
    }

    @Test
    void invalidExecutionNameIsNamed() {
        var sdk = assertThrows(InvalidParameterValueException.class, () -> local.lambda().invoke(r -> r.functionName(APPROVAL)
                .invocationType("Event").durableExecutionName("leave 42!").payload(SdkBytes.fromUtf8String("{}"))));
        var ours = assertThrows(InvalidParameterException.class, () -> client.start(APPROVAL, "leave 42!", "{}"));

        String expected = "execution name must be 1-64 letters, digits, '-' or '_', but was 'leave 42!'";
        assertEquals(expected, sdk.awsErrorDetails().errorMessage());
        assertEquals(expected, ours.getMessage());
    }

    private String waitingApproval() {
        String arn = client.start(APPROVAL, "approval-1", "\"ann\"").durableExecutionArn();
        assertTrue(engine.awaitIdle(Duration.ofSeconds(10)));
        return arn;
    }

    private String callbackIdOf(String arn) {
        return client.getHistory(arn, null, 0).events().stream().filter(e -> e.eventType().equals("CallbackStarted"))
                .map(e -> (String) e.details().get("CallbackId")).findFirst().orElseThrow();
    }

    /** Starts the probe function, whose invocation runs {@code action}; answers what the action threw, if anything. */
    private CompletableFuture<Throwable> probeWith(Consumer<DurableExecutionInput> action) {
        var outcome = new CompletableFuture<Throwable>();
        probe = input -> {
            try {
                action.accept(input);
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        };
        new LambdaDurableClient(local.caller(), PROBE).start(PROBE, null, "{}");
        return outcome;
    }

    private static void rethrow(CompletableFuture<Throwable> outcome) throws Exception {
        Throwable thrown = outcome.get(10, TimeUnit.SECONDS);
        if (thrown instanceof DurableServiceException e) {
            throw e;
        }
        throw new AssertionError("expected a DurableServiceException, got " + thrown);
    }

    /** A raw Lambda handler: it hands its envelope (ARN and checkpoint token) to the test's probe, then fails. */
    final class ProbeHandler implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
            probe.accept(WireJson.ENVELOPE.readValue(input, DurableExecutionInput.class));
            WireJson.ENVELOPE.writeValue(output, DurableExecutionOutput.failed(ErrorObject.of("Probe", "done")));
        }
    }
}
