package io.leavebot.logging;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.leavebot.durable.InvocationLogContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One JSON object per line in Lambda's JSON log format, so that CloudWatch and Lambda's advanced logging controls
 * read them as they read the runtime's own: {@code timestamp} (UTC, milliseconds), {@code level}, {@code message},
 * {@code AWSRequestId}; and LeaveBot's {@code logger}, {@code executionName} and {@code executionArn} (during a
 * durable invocation), and for a failure {@code errorType}, {@code errorMessage} and {@code stackTrace} (its lines,
 * every cause included). Each text is masked ({@link LogSecrets#mask}) before it is quoted.
 */
final class LambdaJsonLayout implements LineLayout {
    // the Java runtime's own format for the field
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

    @Override
    public String format(LogEvent event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "timestamp", TIME.format(Instant.ofEpochMilli(event.epochMillis())));
        field(json, "level", event.level().name());
        field(json, "message", LogSecrets.mask(event.message()));
        field(json, "logger", event.logger());
        Map<String, String> context = event.context();
        optionalField(json, InvocationLogContext.REQUEST_ID, context.get(InvocationLogContext.REQUEST_ID));
        optionalField(json, InvocationLogContext.EXECUTION_NAME, context.get(InvocationLogContext.EXECUTION_NAME));
        optionalField(json, InvocationLogContext.EXECUTION_ARN, context.get(InvocationLogContext.EXECUTION_ARN));
        Throwable failure = event.failure();
        if (failure != null) {
            field(json, "errorType", failure.getClass().getName());
            optionalField(json, "errorMessage", LogSecrets.mask(failure.getMessage()));
            json.append(",\"stackTrace\":[");
            String[] lines = LogSecrets.mask(event.stackTrace()).split("\\R");
            for (int i = 0; i < lines.length; i++) {
                json.append(i == 0 ? "" : ",").append('"').append(QUOTE.quoteAsString(lines[i].strip())).append('"');
            }
            json.append(']');
        }
        return json.append("}\n").toString();
    }

    private static void optionalField(StringBuilder json, String name, String value) {
        if (value != null) {
            field(json, name, value);
        }
    }

    private static void field(StringBuilder json, String name, String value) {
        if (json.length() > 1) {
            json.append(',');
        }
        json.append('"').append(name).append("\":\"").append(QUOTE.quoteAsString(value == null ? "" : value)).append('"');
    }
}
