package io.leavebot.durable.operation;

import static io.leavebot.durable.model.InvocationStatus.PENDING;
import static io.leavebot.durable.testing.DurableInvoker.invoke;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.durable.DurableContext;
import io.leavebot.durable.InvokeConfig;
import io.leavebot.durable.InvokeException;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.SubType;
import io.leavebot.durable.testing.FunctionHandler;
import io.leavebot.durable.testing.InMemoryDurableService;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvokeOperationTest {
    private static final ErrorObject NO_GREETING = ErrorObject.of("NoGreeting", "no greeting for ann");
    private final InMemoryDurableService service = new InMemoryDurableService("\"ann\"");

    @Test
    void startCarriesTheTargetTheTenantAndTheSerializedPayloadThenSuspends() {
        var handler = FunctionHandler.of(String.class, (name, ctx) ->
                ctx.invoke("ask-greeter", "greeter", name, String.class, InvokeConfig.tenant("team-a")));

        assertEquals(PENDING, invoke(handler, service).status());

        assertEquals(List.of(List.of("CHAINED_INVOKE START ask-greeter")), service.batches());
        OperationUpdate start = service.requests().get(0).get(0);
        assertEquals(new OperationUpdate.ChainedInvokeOptions("greeter", "team-a"), start.chainedInvokeOptions());
        assertEquals("\"ann\"", start.payload());
        assertEquals(SubType.CHAINED_INVOKE, start.subType());
    }

    @Test
    void theRecordedResultIsReturnedOnEveryReplayWithoutASecondStart() {
        var handler = FunctionHandler.of(String.class, (name, ctx) -> {
            String greeting = ctx.invoke("ask-greeter", "greeter", name, String.class);
            ctx.wait("pause", Duration.ofSeconds(5));
            return greeting + "!";
        });

        invoke(handler, service);
        service.endChainedInvoke("ask-greeter", OperationStatus.SUCCEEDED, "\"hello ann\"", null);
        assertEquals(PENDING, invoke(handler, service).status());
        service.advance(Duration.ofSeconds(5));

        assertEquals("\"hello ann!\"", invoke(handler, service).result());
        assertEquals(List.of("CHAINED_INVOKE START ask-greeter", "WAIT START pause"), service.actions());
    }

    @ParameterizedTest
    @CsvSource({"FAILED, InvokeFailedException", "TIMED_OUT, InvokeTimedOutException", "STOPPED, InvokeStoppedException"})
    void howTheTargetEndedChoosesTheExceptionAndReplaysThrowItAgain(OperationStatus status, String exception) {
        var handler = catching(ctx -> {
            String greeting = ctx.invoke("ask-greeter", "greeter", null, String.class);
            ctx.wait("pause", Duration.ofSeconds(5));
            return greeting;
        });

        invoke(handler, service);
        service.endChainedInvoke("ask-greeter", status, null, NO_GREETING);
        String firstRun = invoke(handler, service).result();
        service.advance(Duration.ofSeconds(5));

        assertEquals("\"" + exception + " ask-greeter NoGreeting: no greeting for ann\"", firstRun);
        assertEquals(firstRun, invoke(handler, service).result());
    }

    @Test
    void anInvokeFailureInsideAChildContextKeepsItsTypeOnReplay() {
        var handler = catching(ctx -> ctx.runInChildContext("greet", String.class,
                child -> child.invoke("ask-greeter", "greeter", null, String.class)));

        invoke(handler, service);
        service.endChainedInvoke("ask-greeter", OperationStatus.FAILED, null, NO_GREETING);

        assertEquals("\"InvokeFailedException ask-greeter NoGreeting: no greeting for ann\"", invoke(handler, service).result());
        assertEquals("\"InvokeFailedException ask-greeter NoGreeting: no greeting for ann\"", invoke(handler, service).result());
    }

    @Test
    void thePayloadAndTheResultUseTheirOwnSerDes() {
        var config = InvokeConfig.DEFAULT.withPayloadSerDes(new Tagged("payload:")).withSerDes(new Tagged("result:"));
        var handler = FunctionHandler.of(String.class, (name, ctx) -> ctx.invoke("ask-greeter", "greeter", name, String.class, config));

        invoke(handler, service);
        assertEquals("\"payload:ann\"", service.requests().get(0).get(0).payload());
        service.endChainedInvoke("ask-greeter", OperationStatus.SUCCEEDED, "\"result:hello\"", null);

        assertEquals("\"hello\"", invoke(handler, service).result());
    }

    @Test
    void aFunctionNameTheServiceWouldRefuseIsRefusedBeforeAnythingIsSent() {
        var handler = FunctionHandler.of(String.class, (name, ctx) -> ctx.invoke("ask", "x".repeat(141), name, String.class));

        assertEquals("java.lang.IllegalArgumentException", invoke(handler, service).error().errorType());
        assertEquals(List.of(), service.actions());
        assertThrows(IllegalArgumentException.class, () -> InvokeConfig.tenant(""));
    }

    /** Turns an invoke failure into the handler's result: {@code "<exception> <name> <type>: <message>"}. */
    private static FunctionHandler<String, String> catching(Function<DurableContext, String> body) {
        return FunctionHandler.of(String.class, (in, ctx) -> {
            try {
                return body.apply(ctx);
            } catch (InvokeException e) {
                return e.getClass().getSimpleName() + " " + e.operationName() + " " + e.errorType() + ": " + e.errorMessage();
            }
        });
    }

    /** Strings as JSON strings with a tag in front, which it also takes off when reading. */
    private record Tagged(String tag) implements SerDes {
        private static final SerDes JSON = new JacksonSerDes();

        @Override
        public String serialize(Object value) {
            return JSON.serialize(tag + value);
        }

        @Override
        public <T> T deserialize(String json, Class<T> type) {
            String text = JSON.deserialize(json, String.class);
            return type.cast(text.substring(tag.length()));
        }
    }
}
