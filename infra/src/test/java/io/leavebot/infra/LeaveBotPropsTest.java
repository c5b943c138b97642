package io.leavebot.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the stack's inputs from the context: plain maps here, as {@code -c key=value} or cdk.json give them. */
class LeaveBotPropsTest {
    private static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:leavebot-AbC123";

    @TempDir
    Path dir;
    private final Map<String, Object> context = new HashMap<>();

    @BeforeEach
    void requiredValues() throws IOException {
        context.put(LeaveBotProps.SECRET_ARN, SECRET_ARN);
        context.put(LeaveBotProps.MAIL_FROM, "LeaveBot <leavebot@example.com>");
        context.put(LeaveBotProps.ROUTING, "{\"default\": {\"email\": \"grace@example.com\"}}");
        context.put(LeaveBotProps.BOT_JAR, Files.createFile(dir.resolve("leavebot.jar")).toString());
    }

    @Test
    void onlyTheSecretTheSenderAndTheRoutingAreRequired() {
        LeaveBotProps props = read();
        assertEquals("leavebot@example.com", props.senderAddress());
        assertEquals("leavebot@example.com", props.sesIdentity(), "the sender's own address, unless told otherwise");
        assertEquals(ZoneOffset.UTC.normalized(), props.timeZone().normalized());
        assertEquals(Duration.ofDays(3), props.approvalTimeout());
        assertEquals(Duration.ofDays(366), props.executionTimeout(), "Lambda's longest: approved leave lives until it is over");
        assertEquals(30, props.historyRetentionDays());
        assertNull(props.alarmEmail());
        assertEquals("1", props.secretRevision());
        assertEquals(Set.of(ChatFrontEnd.SLACK), props.chatFrontEnds(), "Slack as ever; no Teams front end unless "
                + "asked for: it needs the Teams keys in the secret");
        assertNull(props.policyFile(), "the default policy");
        assertNull(props.country(), "no public holidays");
        assertEquals(List.of(), props.admins());
    }

    @Test
    void aPolicyFileIsReadAsTheFunctionsWillReadIt() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"groups\": {\"staff\": {\"annual\": "
                + "{\"allowance\": 25}}}}");
        context.put(LeaveBotProps.POLICY_FILE, policy.toString());
        assertEquals(policy, read().policyFile());
    }

    @Test
    void aBrokenPolicyFileIsRefusedWithTheKeyAndTheLine() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), """
                {
                  "groups": {
                    "staff": {
                      "annual": {"allowance": 25, "carryOver": {"cap": "five"}}
                    }
                  }
                }
                """);
        context.put(LeaveBotProps.POLICY_FILE, policy.toString());
        String message = problems();
        assertTrue(message.contains("policyFile cannot be used: " + policy + " line 4: "), message);
        assertTrue(message.contains("cap"), message);
    }

    @Test
    void aMisspeltLeaveTypeOrAMissingFileIsRefused() throws IOException {
        Path policy = Files.writeString(dir.resolve("policy.json"), "{\"groups\": {\"staff\": {\"anual\": "
                + "{\"allowance\": 25}}}}");
        context.put(LeaveBotProps.POLICY_FILE, policy.toString());
        assertTrue(problems().contains("policyFile cannot be used: " + policy + " line 1: "), problems());
        context.put(LeaveBotProps.POLICY_FILE, dir.resolve("nothing.json").toString());
        assertTrue(problems().contains("policyFile cannot be used: " + dir.resolve("nothing.json")
                + ": the policy file does not exist"), problems());
    }

    @Test
    void countryAndRegionApplyOnlyWithoutAPolicyFile() throws IOException {
        context.put(LeaveBotProps.POLICY_FILE, Files.writeString(dir.resolve("policy.json"),
                "{\"groups\": {\"staff\": {\"annual\": {\"allowance\": 25}}}}").toString());
        context.put(LeaveBotProps.COUNTRY, "de");
        assertTrue(problems().contains("country applies only without policyFile: give the country and region in the "
                + "policy file's \"defaults\"."), problems());
        context.remove(LeaveBotProps.POLICY_FILE);
        context.put(LeaveBotProps.COUNTRY, " DE ");
        context.put(LeaveBotProps.REGION, "BY");
        LeaveBotProps props = read();
        assertEquals(List.of("de", "by"), List.of(props.country(), props.region()));
    }

    @Test
    void anUnknownCountryOrRegionIsRefusedAtItsKey() {
        context.put(LeaveBotProps.COUNTRY, "xx");
        assertTrue(problems().contains("country cannot be used: 'xx' is not a country jollyday knows"), problems());
        context.put(LeaveBotProps.COUNTRY, "de");
        context.put(LeaveBotProps.REGION, "atlantis");
        assertTrue(problems().contains("region cannot be used: 'atlantis' is not a region of de"), problems());
        context.remove(LeaveBotProps.COUNTRY);
        assertTrue(problems().contains("region cannot be used: a region needs its country"), problems());
    }

    @Test
    void adminsAreEmailAddressesSeparatedByCommas() {
        context.put(LeaveBotProps.ADMINS, " hr@example.com,, Ops@example.com ");
        assertEquals(List.of("hr@example.com", "Ops@example.com"), read().admins());
        context.put(LeaveBotProps.ADMINS, "hr@example.com, ops");
        assertTrue(problems().contains("admins: \"ops\" "), problems());
    }

    @Test
    void theAdminsShareTheRoutingsPartOfTheEnvironment() {
        context.put(LeaveBotProps.ROUTING, "{\"default\": {\"email\": \"grace@example.com\", \"name\": \""
                + "x".repeat(3000) + "\"}}");
        read();
        context.put(LeaveBotProps.ADMINS, "hr@example.com,ops@example.com,it@example.com");
        assertTrue(problems().contains("routing has 3055 bytes and admins 45, but Lambda allows a function 4 KB of "
                + "environment in all, which leaves 3072 for both"), problems());
    }

    @Test
    void theTeamsSwitchIsTrueOrFalseAsTextOrAJsonBoolean() {
        context.put(LeaveBotProps.TEAMS, "true");
        assertTrue(read().deploys(ChatFrontEnd.TEAMS));
        context.put(LeaveBotProps.TEAMS, Boolean.FALSE);
        assertFalse(read().deploys(ChatFrontEnd.TEAMS));
        context.put(LeaveBotProps.TEAMS, true);
        assertTrue(read().deploys(ChatFrontEnd.TEAMS));
        context.put(LeaveBotProps.TEAMS, "yes");
        assertTrue(problems().contains("teams must be true or false, but was 'yes'"));
    }

    @Test
    void theSlackSwitchIsTrueOrFalseAsTextOrAJsonBooleanAndIndependentOfTeams() {
        context.put(LeaveBotProps.SLACK, "false");
        assertEquals(Set.of(), read().chatFrontEnds(), "e-mail only");
        context.put(LeaveBotProps.TEAMS, "true");
        assertEquals(Set.of(ChatFrontEnd.TEAMS), read().chatFrontEnds());
        context.put(LeaveBotProps.SLACK, " TRUE ");
        assertEquals(Set.of(ChatFrontEnd.SLACK, ChatFrontEnd.TEAMS), read().chatFrontEnds());
        context.put(LeaveBotProps.SLACK, Boolean.FALSE);
        assertFalse(read().deploys(ChatFrontEnd.SLACK));
        context.put(LeaveBotProps.SLACK, "");
        assertTrue(read().deploys(ChatFrontEnd.SLACK), "blank is unset");
    }

    @Test
    void aBadSwitchIsRefusedWithWhatItMustBe() {
        context.put(LeaveBotProps.SLACK, "no");
        context.put(LeaveBotProps.TEAMS, "1");
        String message = problems();
        assertTrue(message.contains("slack must be true or false, but was 'no'."), message);
        assertTrue(message.contains("teams must be true or false, but was '1'."), message);
    }

    @Test
    void everyMissingValueIsNamedAtOnceWithHowToGiveIt() {
        context.clear();
        String message = problems();
        for (String key : List.of(LeaveBotProps.SECRET_ARN, LeaveBotProps.MAIL_FROM, LeaveBotProps.ROUTING)) {
            assertTrue(message.contains(key + " is not set: give "), message);
            assertTrue(message.contains("(-c " + key + "=…)"), message);
        }
    }

    @Test
    void malformedValuesSayWhatIsExpected() {
        context.put(LeaveBotProps.SECRET_ARN, "arn:aws:secretsmanager:eu-west-1:123456789012:secret:leavebot");
        context.put(LeaveBotProps.TIME_ZONE, "Europe/Atlantis");
        context.put(LeaveBotProps.APPROVAL_TIMEOUT, "3 days");
        context.put(LeaveBotProps.EXECUTION_TIMEOUT, "P400D");
        context.put(LeaveBotProps.HISTORY_RETENTION, "PT36H");
        context.put(LeaveBotProps.ALARM_EMAIL, "ops");
        String message = problems();
        assertTrue(message.contains("secretArn must be the complete ARN of a secret"), message);
        assertTrue(message.contains("timeZone must be a time zone such as Europe/Berlin or UTC, "
                + "but was 'Europe/Atlantis'"), message);
        assertTrue(message.contains("approvalTimeout must be a positive ISO-8601 duration"), message);
        assertTrue(message.contains("executionTimeout must be an ISO-8601 duration of whole seconds "
                + "from PT1S to P366D"), message);
        assertTrue(message.contains("historyRetention must be an ISO-8601 duration of whole days from P1D to P90D"),
                message);
        assertTrue(message.contains("alarmEmail must be an e-mail address, but was 'ops'"), message);
    }

    @Test
    void executionsMustOutlastTheApprovalTimeoutByADay() {
        context.put(LeaveBotProps.APPROVAL_TIMEOUT, "P365DT1H");
        context.put(LeaveBotProps.EXECUTION_TIMEOUT, "P366D");
        assertTrue(problems().contains("executionTimeout (PT8784H) must be at least a day longer than approvalTimeout"));
        context.put(LeaveBotProps.APPROVAL_TIMEOUT, "P365D");
        assertEquals(Duration.ofDays(366), read().executionTimeout());
    }

    @Test
    void executionsMustOutliveTheFurthestLeaveThatCanBeApproved() {
        context.put(LeaveBotProps.EXECUTION_TIMEOUT, "P30D");
        String message = problems();
        assertTrue(message.contains("executionTimeout (PT720H) must be at least 366 days (P366D): approved leave's "
                + "execution lives until the leave is over, and leave may end up to 364 days ahead."), message);
    }

    @Test
    void theSesIdentityMustCoverTheSender() {
        context.put(LeaveBotProps.SES_IDENTITY, "example.org");
        assertTrue(problems().contains("sesIdentity 'example.org' does not cover the sender leavebot@example.com"));
        context.put(LeaveBotProps.SES_IDENTITY, "example.com");
        assertEquals("example.com", read().sesIdentity());
        context.put(LeaveBotProps.MAIL_FROM, "leave@hr.example.com");
        assertEquals("leave@hr.example.com", read().senderAddress(), "a domain identity covers its subdomains");
    }

    @Test
    void mailFromMustHoldAnAddress() {
        context.put(LeaveBotProps.MAIL_FROM, "LeaveBot");
        assertTrue(problems().contains("mailFrom must be an e-mail address, alone or as 'Name <address>'"));
    }

    @Test
    void routingIsJsonTextOrAnObjectFromAJsonFile() {
        context.put(LeaveBotProps.ROUTING, Map.of("default", Map.of("email", "grace@example.com")));
        assertEquals("{\"default\":{\"email\":\"grace@example.com\"}}", read().routingJson());
        context.put(LeaveBotProps.ROUTING, "{\"default\": ");
        assertTrue(problems().startsWith("The LeaveBot stack cannot be built:\n  - routing is not valid JSON ("));
        context.put(LeaveBotProps.ROUTING, "[]");
        assertTrue(problems().contains("routing must be a JSON object: give the approver routing, e.g. "));
    }

    @Test
    void aMissingLambdaJarSaysHowToBuildIt() {
        context.put(LeaveBotProps.BOT_JAR, dir.resolve("nothing.jar").toString());
        assertTrue(problems().contains("nothing.jar does not exist: build it from the repository root with "
                + "`mvn -B -pl aws -am install -DskipTests`, or point botJar at it."));
    }

    @Test
    void everyContextKeyIsDocumentedInTheReadme() throws IOException, IllegalAccessException {
        String readme = Files.readString(Path.of("README.md"));
        List<Field> keys = Arrays.stream(LeaveBotProps.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class).toList();
        assertEquals(17, keys.size());
        for (Field key : keys) {
            String name = (String) key.get(null);
            assertTrue(readme.contains("| `" + name + "` |"), name + " has no row in infra/README.md");
        }
    }

    private LeaveBotProps read() {
        return LeaveBotProps.fromContext(context::get);
    }

    private String problems() {
        return assertThrows(StackInputException.class, this::read).getMessage();
    }
}
