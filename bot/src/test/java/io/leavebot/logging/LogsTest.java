package io.leavebot.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.durable.InvocationLogContext;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The layouts, the levels and the masking, through LeaveBot's SLF4J backend. */
class LogsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "8f1c2e0b9a7d4c3e8f1c2e0b9a7d4c3e";
    private static final System.Logger LOG = System.getLogger("io.leavebot.slack.Example");

    @AfterEach
    void forget() {
        LogSecrets.clear();
    }

    @Test
    void readable_lines_have_time_level_logger_execution_and_the_whole_stack() {
        try (var logs = LogLines.readable(Map.of()); var invocation = InvocationLogContext.execution("req-1",
                "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-42/0f3a")) {
            LOG.log(System.Logger.Level.ERROR, "the answer failed", new IllegalStateException("outer",
                    new IllegalArgumentException("the cause")));
            String text = logs.text();
            assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-Z][0-9:]* ERROR "
                    + "io\\.leavebot\\.slack\\.Example \\[leave-42\\] the answer failed\\R.*"), text);
            assertTrue(text.contains("java.lang.IllegalStateException: outer"), text);
            assertTrue(text.contains("\tat io.leavebot.logging.LogsTest."), text);
            assertTrue(text.contains("Caused by: java.lang.IllegalArgumentException: the cause"), text);
        }
    }

    @Test
    void lambda_lines_are_one_json_object_each_with_lambdas_fields_and_ours() throws Exception {
        try (var logs = LogLines.json(Map.of()); var invocation = InvocationLogContext.execution("7c0e-request",
                "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-42/0f3a")) {
            LOG.log(System.Logger.Level.WARNING, "plain \"quoted\"\nsecond line");
            LOG.log(System.Logger.Level.ERROR, "failed", new IllegalStateException("why"));
            var lines = logs.lines();
            assertEquals(2, lines.size(), logs.text());
            JsonNode warn = JSON.readTree(lines.get(0));
            assertTrue(warn.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertEquals("WARN", warn.get("level").asText());
            assertEquals("plain \"quoted\"\nsecond line", warn.get("message").asText());
            assertEquals("io.leavebot.slack.Example", warn.get("logger").asText());
            assertEquals("7c0e-request", warn.get("AWSRequestId").asText());
            assertEquals("leave-42", warn.get("executionName").asText());
            assertTrue(warn.get("executionArn").asText().endsWith("/durable-execution/leave-42/0f3a"));
            assertFalse(warn.has("stackTrace"));
            JsonNode error = JSON.readTree(lines.get(1));
            assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
            assertEquals("why", error.get("errorMessage").asText());
            assertEquals("java.lang.IllegalStateException: why", error.get("stackTrace").get(0).asText());
            assertTrue(error.get("stackTrace").get(1).asText().startsWith("at io.leavebot.logging.LogsTest."));
        }
        try (var logs = LogLines.json(Map.of())) {
            LOG.log(System.Logger.Level.INFO, "after the invocation");
            assertFalse(JSON.readTree(logs.lines().get(0)).has("AWSRequestId"), "cleared when the invocation ended");
        }
    }

    @Test
    void registered_secrets_and_token_shapes_are_masked_in_message_and_stack() throws Exception {
        LogSecrets.registerSettings(Map.of("SLACK_SIGNING_SECRET", SIGNING_SECRET, "LEAVEBOT_SECRET_ARN", "arn:aws:secretsmanager:x"));
        String leaky = "secret " + SIGNING_SECRET + ", token xoxp-1234-5678-abcdef, header Bearer abc.def-ghi-jkl-mno-pqr, "
                + "no bearer token, link https://x/decide?token=AbCdEf123&id=9, feed https://x/calendar/AbCdEfGhIjKlMnOpQrSt.ics, arn:aws:secretsmanager:x";
        for (boolean json : new boolean[] {false, true}) {
            try (var logs = json ? LogLines.json(Map.of()) : LogLines.readable(Map.of())) {
                LOG.log(System.Logger.Level.ERROR, leaky, new IllegalStateException(leaky));
                String text = logs.text();
                assertFalse(text.contains(SIGNING_SECRET), text);
                assertFalse(text.contains("1234-5678-abcdef"), text);
                assertFalse(text.contains("abc.def-ghi"), text);
                assertFalse(text.contains("AbCdEf123"), text);
                assertFalse(text.contains("AbCdEfGhIjKlMnOpQrSt"), text);
                assertTrue(text.contains("no bearer token,"), "a word is not a token: " + text);
                assertTrue(text.contains("xoxp-****") && text.contains("token=****&id=9") && text.contains("/calendar/****.ics"), text);
                assertTrue(text.contains("arn:aws:secretsmanager:x"), "the secret's ARN is not a secret");
            }
        }
    }

    @Test
    void levels_come_from_the_settings_and_bad_values_fall_back_with_a_warning() {
        var settings = LogSettings.from(of(Map.of("LEAVEBOT_LOG_LEVEL", "loud",
                "LEAVEBOT_LOG_LEVELS", "io.leavebot.slack=DEBUG, software.amazon.awssdk=warn,nonsense,x=LOUD")));
        assertEquals(LogLevel.INFO, settings.root());
        assertEquals(Map.of("io.leavebot.slack", LogLevel.DEBUG, "software.amazon.awssdk", LogLevel.WARN), settings.packages());
        assertEquals(3, settings.problems().size(), settings.problems().toString());
        assertTrue(settings.problems().get(0).startsWith("LEAVEBOT_LOG_LEVEL 'loud' is not a level"));
        try (var logs = LogLines.readable(Map.of("LEAVEBOT_LOG_LEVEL", "loud"))) {
            // the configurator wrote its warning before the capture started; the level it fell back to is INFO
            LOG.log(System.Logger.Level.DEBUG, "not shown");
            LOG.log(System.Logger.Level.INFO, "shown");
            assertFalse(logs.text().contains("not shown"));
            assertTrue(logs.text().contains("shown"));
        }
        assertFalse(LogSettings.from(of(Map.of())).json());
        assertEquals(LogLevel.INFO, LogSettings.from(of(Map.of())).root());
    }

    @Test
    void on_lambda_aws_lambda_log_level_is_the_default_and_the_floor() {
        var lambda = LogSettings.from(of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "AWS_LAMBDA_LOG_LEVEL", "WARN",
                "LEAVEBOT_LOG_LEVELS", "io.leavebot.slack=DEBUG")));
        assertTrue(lambda.json());
        assertEquals(LogLevel.WARN, lambda.root());
        assertEquals(LogLevel.WARN, lambda.atLeastFloor(lambda.packages().get("io.leavebot.slack")));
        var notLambda = LogSettings.from(of(Map.of("AWS_LAMBDA_LOG_LEVEL", "WARN")));
        assertEquals(LogLevel.INFO, notLambda.root(), "only a Lambda function has advanced logging controls");
        assertEquals(LogLevel.ERROR, LogSettings.from(of(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f", "AWS_LAMBDA_LOG_LEVEL", "FATAL"))).root());
    }

    @Test
    void loggers_that_print_bodies_stay_at_info_even_when_debug_is_asked_for() {
        try (var logs = LogLines.readable(Map.of("LEAVEBOT_LOG_LEVEL", "TRACE", "LEAVEBOT_LOG_LEVELS", "com.slack.api=TRACE"))) {
            var loggers = (LineLoggers) LoggerFactory.getILoggerFactory();
            for (String clamped : LineLoggers.CLAMPED) {
                assertEquals(LogLevel.INFO, ((LineLogger) loggers.getLogger(clamped)).level(), clamped);
                assertEquals(LogLevel.INFO, ((LineLogger) loggers.getLogger(clamped + ".Inner")).level(), clamped + ".Inner");
            }
            assertEquals(LogLevel.TRACE, ((LineLogger) loggers.getLogger("com.slack.api.bolt.App")).level());
            org.slf4j.LoggerFactory.getLogger("com.slack.api.util.http.listener.DetailedLoggingListener").debug("body: {}", "x");
            java.util.logging.Logger.getLogger("org.eclipse.angus.mail.smtp.protocol").finest("DATA ...");
            java.util.logging.Logger.getLogger("io.leavebot.email.Example").fine("bridged from JUL");
            assertFalse(logs.text().contains("body:") || logs.text().contains("DATA"), logs.text());
            assertTrue(logs.text().contains("DEBUG io.leavebot.email.Example bridged from JUL"), logs.text());
        }
    }

    private static java.util.function.Function<String, Optional<String>> of(Map<String, String> values) {
        return name -> Optional.ofNullable(values.get(name));
    }
}
