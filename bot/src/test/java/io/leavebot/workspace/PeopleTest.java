package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Person;
import org.junit.jupiter.api.Test;

/** The workspace's people: the built-in team, its approver routing, and a people file's mistakes named. */
class PeopleTest {
    private static final Person EVERYONE_ELSE = Person.ofEmail("manager@example.com", "Your manager");

    @Test
    void theBuiltInTeamRoutesEachMemberToTheirApproverAndEveryoneElseToTheDefault() {
        ApproverRouting routing = People.defaults().routing(EVERYONE_ELSE);
        Person sam = Person.ofEmail("sam@example.com", "Sam Rivera");
        assertEquals(Person.ofEmail("priya@example.com", "Priya Shah"), routing.approverFor(sam).orElseThrow());
        assertEquals(Person.ofEmail("dana@example.com", "Dana Kim"),
                routing.approverFor(Person.ofEmail("priya@example.com", null)).orElseThrow());
        assertEquals(EVERYONE_ELSE, routing.approverFor(Person.ofEmail("ada@example.com", "Ada")).orElseThrow());
    }

    @Test
    void aPeopleFileThatCannotBeUsedIsRefusedWithItsMistakeNamed() {
        assertProblem("not valid JSON", "{");
        assertProblem("needs a \"members\" list", "{\"members\": []}");
        assertProblem("like Slack's user ids", "{\"members\": [{\"id\": \"sam\", \"name\": \"Sam\", \"email\": \"sam@example.com\"}]}");
        assertProblem("needs a \"name\"", "{\"members\": [{\"id\": \"U0SAM\", \"email\": \"sam@example.com\"}]}");
        assertProblem("needs an e-mail address", "{\"members\": [{\"id\": \"U0SAM\", \"name\": \"Sam\", \"email\": \"sam\"}]}");
        assertProblem("member U0SAM needs an e-mail address in \"email\", but \"" + "s".repeat(65) + "@example.com\" has 65 "
                + "characters before the @", "{\"members\": [{\"id\": \"U0SAM\", \"name\": \"Sam\", \"email\": \"" + "s".repeat(65) + "@example.com\"}]}");
        assertProblem("two members", "{\"members\": [{\"id\": \"U0SAM\", \"name\": \"Sam\", \"email\": \"sam@example.com\"},"
                + "{\"id\": \"U0SAM\", \"name\": \"Sam again\", \"email\": \"sam2@example.com\"}]}");
        assertProblem("Sam's approver boss@example.com is neither a member nor listed in \"email_only\"",
                "{\"members\": [{\"id\": \"U0SAM\", \"name\": \"Sam\", \"email\": \"sam@example.com\", \"approver\": \"boss@example.com\"}]}");
    }

    private static void assertProblem(String expected, String json) {
        var e = assertThrows(IllegalArgumentException.class, () -> People.parse(json, "test"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("The workspace's people in test cannot be used: "), e.getMessage());
    }
}
