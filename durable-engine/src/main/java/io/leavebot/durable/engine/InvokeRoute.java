package io.leavebot.durable.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.StartedExecution;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;

/**
 * {@code POST /2015-03-31/functions/{FunctionName}/invocations}: starting a durable execution the way Lambda does.
 * {@code Event} answers 202 with the execution's ARN at once; {@code RequestResponse} waits until the execution
 * closes and answers with its result, or with its error flagged by {@code X-Amz-Function-Error}.
 */
final class InvokeRoute {
    static final String ARN_HEADER = "X-Amz-Durable-Execution-Arn";
    /** Lambda's payload limits: 256 KiB for asynchronous invocations, 6 MB for synchronous ones. */
    static final int MAX_ASYNC_INPUT_BYTES = ExecutionCommands.MAX_INPUT_BYTES;
    static final int MAX_SYNC_INPUT_BYTES = ExecutionCommands.MAX_SYNC_INPUT_BYTES;

    /** Starts an execution; the synchronous one accepts inputs up to {@link #MAX_SYNC_INPUT_BYTES}. */
    @FunctionalInterface
    interface Starter {
        StartedExecution start(String functionName, String executionName, String inputJson);
    }

    private final DurableClient client;
    private final Starter syncStart;
    private final BiFunction<String, Duration, DurableExecution> awaitClosed;
    private final Duration syncTimeout;

    InvokeRoute(DurableClient client, Starter syncStart, BiFunction<String, Duration, DurableExecution> awaitClosed,
            Duration syncTimeout) {
        this.client = client;
        this.syncStart = syncStart;
        this.awaitClosed = awaitClosed;
        this.syncTimeout = syncTimeout;
    }

    void invoke(RestExchange ex, String function) {
        String type = ex.header("X-Amz-Invocation-Type") == null ? "RequestResponse" : ex.header("X-Amz-Invocation-Type");
        String name = ex.header("X-Amz-Durable-Execution-Name");
        switch (type) {
            case "Event" -> {
                String input = input(ex, MAX_ASYNC_INPUT_BYTES, "256 KiB), the limit for asynchronous (Event) invocations");
                StartedExecution started = client.start(function, name, input);
                started(ex, started);
                ex.respond(202, "application/json", new byte[0]);
            }
            case "RequestResponse" -> {
                String input = input(ex, MAX_SYNC_INPUT_BYTES, "6 MB), the limit for synchronous invocations");
                StartedExecution started = syncStart.start(function, name, input);
                started(ex, started);
                answer(ex, awaitClosed.apply(started.durableExecutionArn(), syncTimeout));
            }
            case "DryRun" -> {
                input(ex, MAX_SYNC_INPUT_BYTES, "6 MB), the limit for synchronous invocations");
                ex.respond(204, "application/json", new byte[0]);
            }
            default -> throw RestError.invalid("X-Amz-Invocation-Type must be Event, RequestResponse or DryRun, but was '"
                    + type + "'");
        }
    }

    /** The payload as JSON text; null when there is none. */
    private static String input(RestExchange ex, int limit, String limitText) {
        byte[] body = ex.body(limit, "the invocation payload is larger than " + limit + " bytes (" + limitText);
        if (body.length == 0) {
            return null;
        }
        try {
            WireJson.REST.readTree(body);
        } catch (JsonProcessingException e) {
            throw RestError.invalid("the invocation payload is not valid JSON: " + RestExchange.describe(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void started(RestExchange ex, StartedExecution started) {
        String arn = started.durableExecutionArn();
        ex.responseHeader(ARN_HEADER, arn);
        int cut = arn.indexOf("/durable-execution/");
        if (cut > 0) {
            ex.responseHeader("X-Amz-Executed-Version", arn.substring(arn.lastIndexOf(':', cut) + 1, cut));
        }
    }

    private void answer(RestExchange ex, DurableExecution done) {
        if (done != null && done.status() == ExecutionStatus.SUCCEEDED) {
            String result = done.result() == null ? "null" : done.result();
            ex.respond(200, "application/json", result.getBytes(StandardCharsets.UTF_8));
            return;
        }
        ErrorObject error;
        if (done == null || done.status() == ExecutionStatus.RUNNING) {
            error = ErrorObject.of("Sandbox.Timedout", "the execution was still running after " + syncTimeout
                    + "; it keeps running: follow it with GetDurableExecution");
        } else {
            error = done.error() != null ? done.error()
                    : ErrorObject.of("Execution." + done.status(), "the execution ended " + done.status());
        }
        // Lambda's function-error payload, in its lowerCamel member names
        var payload = new LinkedHashMap<String, Object>();
        payload.put("errorType", error.errorType());
        payload.put("errorMessage", error.errorMessage());
        if (error.stackTrace() != null) {
            payload.put("stackTrace", error.stackTrace());
        }
        ex.responseHeader("X-Amz-Function-Error", "Unhandled");
        ex.respondJson(200, payload);
    }
}
