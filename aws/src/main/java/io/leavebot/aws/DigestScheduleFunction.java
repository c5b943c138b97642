package io.leavebot.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.LeaveBotNames;
import io.leavebot.durable.InvocationLogContext;
import io.leavebot.durable.lambda.LambdaDurableClient;
import io.leavebot.logging.Logs;
import io.leavebot.workflow.DigestMornings;
import io.leavebot.workflow.DigestWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The target of the digest's EventBridge Scheduler schedule ({@code io.leavebot.aws.DigestScheduleFunction::handleRequest}),
 * which fires every day at {@value LeaveBotNames#DIGEST_TIME_ENV} in the deployment's zone with
 * {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}. On a working morning it starts the day's execution of
 * the digest function ({@value LeaveBotNames#DIGEST_FUNCTION_ENV}, its alias: a durable function is invoked by a
 * qualified ARN) named {@code digest-<day>}; a retried or repeated delivery finds that execution. The day is the
 * schedule's, not the delivery's: a retry late in the evening still posts the morning's digest, not tomorrow's.
 * A schedule has no name to give an execution, hence this small function between the two.
 *
 * <p>Answers {@code {"started": "digest-<day>"}}, {@code {"skipped": …}} or, for an event it cannot read,
 * {@code {"refused": …}} (logged; retrying the same event would not help). A failed start is thrown, so the schedule
 * retries it.
 */
public final class DigestScheduleFunction implements RequestStreamHandler {
    static {
        Logs.start(); // before anything logs: every line in Lambda's JSON format, masked
        CrtHttps.install(); // its native library loads while the handler starts
    }

    private static final System.Logger LOG = System.getLogger(DigestScheduleFunction.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DigestMornings mornings;
    private final LambdaDurableClient durable;
    private final String digestFunction;
    private final Clock clock;

    public DigestScheduleFunction() {
        this(AwsSettings.fromEnvironment());
    }

    private DigestScheduleFunction(AwsSettings settings) {
        this(settings, AwsClients.inRegion(settings.region()), Clock.systemUTC());
    }

    /** On {@code aws}'s Lambda API (tests point it at the engine's REST façade). */
    DigestScheduleFunction(AwsSettings settings, AwsClients aws, Clock clock) {
        this.mornings = new DigestMornings(FrontEnds.companyCalendar(settings), settings.digestTime(), settings.zone());
        this.digestFunction = settings.digestFunction();
        this.durable = new LambdaDurableClient(aws.lambda(), digestFunction);
        this.clock = clock;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String answer;
        try (var logContext = InvocationLogContext.request(context == null ? null : context.getAwsRequestId())) {
            answer = answer(scheduledTime(input.readAllBytes()));
        } catch (IllegalArgumentException e) {
            // the event's text stays out of the log; the answer quotes it to the caller who sent it
            LOG.log(System.Logger.Level.WARNING, "digest schedule: refused an event that is not the scheduler's (not JSON, "
                    + "or its scheduledTime not an ISO-8601 instant); the function's answer says which");
            answer = JSON.createObjectNode().put("refused", e.getMessage()).toString();
        }
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private String answer(Instant scheduled) {
        Optional<LocalDate> day = mornings.due(scheduled);
        if (day.isEmpty()) {
            return JSON.createObjectNode().put("skipped", scheduled + " is not a working morning's digest time").toString();
        }
        DigestMornings.start(durable, digestFunction, day.get());
        return JSON.createObjectNode().put("started", DigestWorkflow.executionNameFor(day.get())).toString();
    }

    /** The event's {@code scheduledTime}; now, for an event without one (an operator's test invocation). */
    private Instant scheduledTime(byte[] event) {
        JsonNode node;
        try {
            node = event.length == 0 ? JSON.createObjectNode() : JSON.readTree(event);
        } catch (IOException e) {
            throw new IllegalArgumentException("the event is not JSON");
        }
        JsonNode time = node == null ? null : node.get("scheduledTime");
        if (time == null || time.isNull()) {
            return clock.instant();
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("scheduledTime must be an ISO-8601 instant such as 2027-01-11T08:00:00Z, "
                    + "but was '" + time.asText() + "'");
        }
    }
}
