package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 12: "A crash between stages (SIGKILL) loses nothing and asks nobody twice." LeaveBot runs as its own JVM
 * ({@link LeaveBotProcess}) with a two-stage chain — Bea, then HR (either of two) — and is killed with SIGKILL once
 * Bea's approval is in, at several points between the stages; started again on the same data folder, the request
 * is still waiting at stage 2, every e-mail exists once, and an HR member's approval ends it APPROVED.
 */
class KillBetweenStagesTest {
    private static final String EMPLOYEE = "ada@example.com";
    private static final String MANAGER = "bea@example.com";
    private static final List<String> HR = List.of("hr1@example.com", "hr2@example.com");
    private static final String ROUTING = "{\"default\": [{\"email\": \"" + MANAGER + "\", \"name\": \"Bea Boss\"}, "
            + "{\"name\": \"HR\", \"any\": [{\"email\": \"" + HR.get(0) + "\"}, {\"email\": \"" + HR.get(1) + "\"}]}]}";

    /** When, after Bea's approval was accepted (202), the process is killed. */
    enum KillPoint {
        /** At once: the workflow may not even have resumed yet. */
        RIGHT_AFTER_THE_ANSWER,
        /** Once the employee's progress e-mail is written: stage 2 is being opened, or HR is being asked. */
        AFTER_THE_PROGRESS_EMAIL,
        /** At once, then again as soon as the restarted process answers (while it resumes the execution). */
        TWICE
    }

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void aKillBetweenStagesLosesNothingAndAsksNobodyTwice(KillPoint when) throws Exception {
        Path routing = Files.writeString(dir.resolve("routing.json"), ROUTING);
        var leavebot = new LeaveBotProcess(dir, Map.of("LEAVEBOT_ROUTING_FILE", routing.toString()));
        try (leavebot) {
            leavebot.start();
            String id = leavebot.submitWeekAfterNext(EMPLOYEE);
            leavebot.awaitMail(MANAGER, 1);
            leavebot.approveAs(id, MANAGER);
            if (when == KillPoint.AFTER_THE_PROGRESS_EMAIL) {
                leavebot.awaitMail(EMPLOYEE, 2);
            }
            leavebot.kill();
            leavebot.start();
            if (when == KillPoint.TWICE) {
                leavebot.kill();
                leavebot.start();
            }

            HR.forEach(hr -> leavebot.awaitMail(hr, 1));
            assertWaitingAtStage2(leave(leavebot, id));
            // Ada: receipt, progress; Bea: the ask, then what she decided (an e-mail cannot lose its buttons)
            leavebot.assertEveryMailOnce(Map.of(EMPLOYEE, 2, MANAGER, 2, HR.get(0), 1, HR.get(1), 1));
            for (String hr : HR) {
                // asked for the first time, even when the step asking them ran again after the kill
                assertTrue(leavebot.mailTo(hr).get(0).subject().startsWith("Leave request from " + EMPLOYEE), leavebot.outboxListing());
            }

            assertEquals(202, leavebot.api("POST", "/api/leaves/" + id + "/decision",
                    "{\"decision\": \"approve\", \"decider_email\": \"" + HR.get(1) + "\"}").statusCode());
            leavebot.awaitStatus(id, "APPROVED");
            HR.forEach(hr -> leavebot.awaitMail(hr, 2));
            // Ada: the outcome; each HR member: who approved
            leavebot.assertEveryMailOnce(Map.of(EMPLOYEE, 3, MANAGER, 2, HR.get(0), 2, HR.get(1), 2));
            assertEquals(1, leavebot.mailTo(EMPLOYEE).stream().filter(m -> m.subject().startsWith("Your leave is approved")).count(),
                    leavebot.outboxListing());
        }
    }

    private JsonNode leave(LeaveBotProcess leavebot, String id) throws Exception {
        var answer = leavebot.api("GET", "/api/leaves/" + id, null);
        assertEquals(200, answer.statusCode(), answer.body());
        return json.readTree(answer.body());
    }

    private static void assertWaitingAtStage2(JsonNode leave) {
        assertEquals("PENDING", leave.get("status").asText(), leave.toString());
        JsonNode chain = leave.get("approval_chain");
        assertEquals(2, chain.size(), leave.toString());
        assertEquals("approved", chain.get(0).get("status").asText(), leave.toString());
        assertTrue(chain.get(1).get("current").asBoolean(), leave.toString());
    }

}
