package io.leavebot.aws;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.Person;
import io.leavebot.teams.TeamsSettings;
import io.leavebot.testing.TeamsApi;
import io.leavebot.testing.TeamsRequests;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Teams function on the lean jar alone, as {@link LambdaPackageIT} runs the others: a fresh JVM checks the Bot
 * Framework token of a {@code leave …} message (keys from Microsoft on WireMock), answers Ada in Teams and starts the
 * execution with an asynchronous {@code Invoke}.
 */
class TeamsPackageIT {
    private static final LeanJar LEAN = new LeanJar();

    @RegisterExtension
    static final AwsFunctions aws = AwsFunctions.inTeams();

    @AfterAll
    static void recordColdStarts() {
        ColdStarts.record(LEAN.runs());
    }

    @Test
    void theTeamsFunctionAnswersALeaveMessageAndStartsTheWorkflow() {
        for (Person person : new Person[] {ADA, GRACE}) {
            aws.teamsApi().member(person);
            assertEquals(200, aws.teams(aws.teamsRequests().installed(person), false).status());
        }
        LocalDate monday = LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        var message = new TeamsRequests(Instant::now, aws.teamsApi()).message(ADA, "leave " + monday + " " + monday.plusDays(4)
                + " Family trip");
        Map<String, String> env = new HashMap<>(aws.environment(Map.of()));
        env.putAll(LeanJar.awsAt(aws.clients()));
        TeamsSettings microsoft = aws.teamsApi().settings();

        var answer = LEAN.run("TeamsFunction", env, Map.of(LambdaHarness.TEAMS_OPENID, microsoft.openIdMetadata().toString(),
                LambdaHarness.TEAMS_TOKEN, microsoft.tokenEndpoint().toString(), "leavebot.teams.appId", TeamsApi.APP_ID,
                "leavebot.teams.appPassword", TeamsApi.APP_PASSWORD, "leavebot.teams.tenantId", TeamsApi.TENANT),
                AwsFunctions.teamsEvent(message, false));

        assertTrue(answer.answer().contains("\"statusCode\":200"), answer.answer());
        String reply = aws.teamsApi().replies(ADA).get(0).toString();
        aws.verifyStartedAsynchronously(AwsFunctions.requestIdIn(reply));
    }
}
