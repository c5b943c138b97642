package io.leavebot.aws;

import static io.leavebot.LeaveBotNames.APPROVAL_TIMEOUT_ENV;
import static io.leavebot.LeaveBotNames.APPROVER_EMAIL_ENV;
import static io.leavebot.LeaveBotNames.APPROVER_NAME_ENV;
import static io.leavebot.LeaveBotNames.MAIL_FROM_ENV;
import static io.leavebot.LeaveBotNames.PUBLIC_URL_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_FILE_ENV;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.LeaveBotNames.WORKFLOW_FUNCTION_ENV;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.LeaveBotNames;
import io.leavebot.leave.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsSettingsTest {
    static final Person GRACE = Person.ofEmail("grace@example.org", null);
    static final Person ADA = Person.ofEmail("ada@example.org", null);

    @TempDir
    Path dir;

    @Test
    void everyVariableIsRead() {
        AwsSettings settings = AwsSettings.of(Map.of("AWS_REGION", "eu-west-1", SECRET_ARN_ENV, "arn:secret",
                LeaveBotNames.LEAVES_TABLE_ENV, "prod-leaves", MAIL_FROM_ENV, "LeaveBot <leavebot@example.org>",
                PUBLIC_URL_ENV, "https://abc.lambda-url.eu-west-1.on.aws/", WORKFLOW_FUNCTION_ENV, "arn:fn:live",
                TIME_ZONE_ENV, "Europe/Berlin", APPROVAL_TIMEOUT_ENV, "PT12H", APPROVER_EMAIL_ENV, "grace@example.org"));

        assertEquals("eu-west-1", settings.region());
        assertEquals("arn:secret", settings.secretArn());
        assertEquals("prod-leaves", settings.leavesTable());
        assertEquals("LeaveBot <leavebot@example.org>", settings.mailFrom());
        assertEquals("https://abc.lambda-url.eu-west-1.on.aws/decide", settings.decisionUrl());
        assertEquals("arn:fn:live", settings.workflowFunction());
        assertEquals(ZoneId.of("Europe/Berlin"), settings.zone());
        assertEquals(Duration.ofHours(12), settings.policy().approvalTimeout());
        assertEquals("grace@example.org", settings.routing().approverFor(ADA).orElseThrow().email());
    }

    @Test
    void optionalVariablesHaveDefaults() {
        AwsSettings settings = AwsSettings.of(Map.of());
        assertEquals(LeaveBotNames.LEAVES_TABLE, settings.leavesTable());
        assertEquals(ZoneOffset.UTC, settings.zone());
        assertEquals(Duration.ofDays(3), settings.policy().approvalTimeout());
    }

    @Test
    void eachMissingRequiredVariableIsNamed() {
        AwsSettings none = AwsSettings.of(Map.of(TIME_ZONE_ENV, " "));
        Map<String, Function<AwsSettings, Object>> required = Map.of("AWS_REGION", AwsSettings::region,
                SECRET_ARN_ENV, AwsSettings::secretArn, MAIL_FROM_ENV, AwsSettings::mailFrom,
                PUBLIC_URL_ENV, AwsSettings::decisionUrl, WORKFLOW_FUNCTION_ENV, AwsSettings::workflowFunction);
        required.forEach((name, read) -> {
            var e = assertThrows(SettingsException.class, () -> read.apply(none));
            assertTrue(e.getMessage().startsWith(name + " is not set; it must hold "), e.getMessage());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {TIME_ZONE_ENV + "=Mars/Olympus", APPROVAL_TIMEOUT_ENV + "=3 days", APPROVAL_TIMEOUT_ENV + "=-P1D",
            PUBLIC_URL_ENV + "=abc.lambda-url.eu-west-1.on.aws", PUBLIC_URL_ENV + "=ftp://example.org",
            PUBLIC_URL_ENV + "=https://example.org/?x=1"})
    void malformedVariableIsNamedWithItsValue(String assignment) {
        String name = assignment.substring(0, assignment.indexOf('='));
        String value = assignment.substring(name.length() + 1);
        AwsSettings settings = AwsSettings.of(Map.of(name, value));
        var e = assertThrows(SettingsException.class, () -> {
            settings.zone();
            settings.policy();
            settings.decisionUrl();
        });
        assertTrue(e.getMessage().startsWith(name + " must be "), e.getMessage());
        assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    }

    @Test
    void routingComesFromTheJsonInTheEnvironment() {
        AwsSettings settings = AwsSettings.of(Map.of(ROUTING_ENV, "{\"default\": {\"email\": \"grace@example.org\"}, "
                + "\"overrides\": {\"grace@example.org\": {\"email\": \"alan@example.org\"}}}"));
        assertEquals("grace@example.org", settings.routing().approverFor(ADA).orElseThrow().email());
        assertEquals("alan@example.org", settings.routing().approverFor(GRACE).orElseThrow().email());
    }

    @Test
    void routingComesFromAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("routing.json"), "{\"default\": {\"email\": \"grace@example.org\"}}");
        AwsSettings settings = AwsSettings.of(Map.of(ROUTING_FILE_ENV, file.toString()));
        assertEquals("grace@example.org", settings.routing().approverFor(ADA).orElseThrow().email());
    }

    @Test
    void oneApproverForEveryoneHasTheGivenName() {
        AwsSettings settings = AwsSettings.of(Map.of(APPROVER_EMAIL_ENV, "grace@example.org", APPROVER_NAME_ENV, "Grace"));
        assertEquals(Person.ofEmail("grace@example.org", "Grace"), settings.routing().approverFor(ADA).orElseThrow());
    }

    @Test
    void anApproverAddressOverTheRfcLimitIsRefusedNamingTheVariable() {
        String tooLong = "grace@" + "g".repeat(245) + ".org";
        var e = assertThrows(SettingsException.class, () -> AwsSettings.of(Map.of(APPROVER_EMAIL_ENV, tooLong)).routing());
        assertEquals(APPROVER_EMAIL_ENV + ": The approver routing in " + APPROVER_EMAIL_ENV + " cannot be used: \"" + tooLong
                + "\" is 255 characters long, more than the 254 an e-mail address may have.", e.getMessage());
    }

    @Test
    void badRoutingJsonIsRefusedNamingTheVariable() {
        var e = assertThrows(SettingsException.class,
                () -> AwsSettings.of(Map.of(ROUTING_ENV, "{\"default\": {\"mail\": \"grace@example.org\"}}")).routing());
        assertTrue(e.getMessage().startsWith(ROUTING_ENV + ": The approver routing in " + ROUTING_ENV + " cannot be used: "
                + "\"default\" has an unknown field \"mail\""), e.getMessage());
    }

    @Test
    void approversMustBeConfiguredExactlyOnce() {
        var none = assertThrows(SettingsException.class, () -> AwsSettings.of(Map.of()).routing());
        assertTrue(none.getMessage().startsWith("No approver is configured: set exactly one of " + ROUTING_ENV), none.getMessage());
        Map<String, String> twice = new HashMap<>(Map.of(ROUTING_ENV, "{}", APPROVER_EMAIL_ENV, "grace@example.org"));
        var both = assertThrows(SettingsException.class, () -> AwsSettings.of(twice).routing());
        assertTrue(both.getMessage().startsWith("Approvers are configured twice (" + ROUTING_ENV + " and "
                + APPROVER_EMAIL_ENV + ")"), both.getMessage());
    }
}
