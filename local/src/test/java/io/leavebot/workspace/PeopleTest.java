package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.balance.LeaveLedger;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.ApprovalRule;
import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.OnTimeout;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workspace's people: the built-in team, its approver routing and chains, and a people file's mistakes named. */
class PeopleTest {
    private static final Person EVERYONE_ELSE = Person.ofEmail("manager@example.com", "Your manager");
    private static final Person PRIYA = Person.ofEmail("priya@example.com", "Priya Shah");
    private static final Person HANA = Person.ofEmail("hana@example.com", "Hana Ito");
    private static final Person OMAR = Person.ofEmail("omar@example.com", "Omar Haddad");
    private static final Person DANA = Person.ofEmail("dana@example.com", "Dana Kim");

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
    void samIsApprovedByPriyaThenAnyoneOfHrAndWhatNobodyAnswersGoesToTheApproversOwnApprover() {
        ApproverRouting routing = People.defaults().routing(EVERYONE_ELSE);
        assertEquals(new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(PRIYA)),
                ApprovalStage.of("HR", ApprovalRule.ANY, List.of(HANA, OMAR))), OnTimeout.escalateTo(DANA)), chainOf(routing, "sam"));
        assertEquals(ApprovalChain.single(PRIYA).stages(), chainOf(routing, "tom").stages());
        assertEquals(OnTimeout.escalateTo(DANA), chainOf(routing, "tom").onTimeout(), "Priya's approver");
        assertEquals(OnTimeout.escalateTo(DANA), chainOf(routing, "hana").onTimeout(), "Omar's approver");
        assertEquals(OnTimeout.EXPIRE, chainOf(routing, "priya").onTimeout(), "Dana has no approver in the workspace");
        assertEquals(OnTimeout.EXPIRE, routing.chainFor(Person.ofEmail("ada@example.com", null)).orElseThrow().onTimeout(),
                "everyone else's approver");
        var sam = People.defaults().byId("U0SAM").orElseThrow();
        assertEquals("priya@example.com", sam.approverEmail(), "the first approver of his chain");
    }

    @Test
    void aChainGivesGroupsOfEveryoneAndItsOwnTimeoutOverTheFilesOne() {
        People people = People.parse("{\"members\": ["
                + "{\"id\": \"U0ANN\", \"name\": \"Ann\", \"email\": \"ann@example.com\", \"approvers\": {\"stages\": [\"BO@example.com\","
                + " {\"all\": [\"cy@example.com\", \"di@example.com\"]}], \"onTimeout\": {\"escalate\": \"di@example.com\"}}},"
                + "{\"id\": \"U0BO\", \"name\": \"Bo\", \"email\": \"bo@example.com\", \"approver\": [\"cy@example.com\"]},"
                + "{\"id\": \"U0CY\", \"name\": \"Cy\", \"email\": \"cy@example.com\", \"approvers\": \"di@example.com\"}],"
                + "\"email_only\": [{\"email\": \"di@example.com\"}], \"onTimeout\": \"approve\"}", "test");
        ApproverRouting routing = people.routing(EVERYONE_ELSE);
        Person bo = Person.ofEmail("bo@example.com", "Bo");
        Person cy = Person.ofEmail("cy@example.com", "Cy");
        Person di = Person.ofEmail("di@example.com", null);
        assertEquals(new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(bo)),
                ApprovalStage.of(null, ApprovalRule.ALL, List.of(cy, di))), OnTimeout.escalateTo(di)), chainOf(routing, "ann"));
        assertEquals(new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(cy))), OnTimeout.APPROVE), chainOf(routing, "bo"));
        assertEquals(new ApprovalChain(List.of(ApprovalStage.of(null, ApprovalRule.ONE, List.of(di))), OnTimeout.APPROVE), chainOf(routing, "cy"));
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

    @Test
    void aChainThatCannotBeUsedIsRefusedWithItsMistakeNamed() {
        assertChainProblem("Sam has both \"approver\" and \"approvers\"", "\"approver\": \"bo@example.com\", \"approvers\": [\"bo@example.com\"]");
        assertChainProblem("Sam's \"approvers\" must have 1 to 10 stages, not 0", "\"approvers\": []");
        assertChainProblem("Sam's \"approvers\" has a stage that is neither an e-mail address in quotes nor a group",
                "\"approvers\": [{\"email\": \"bo@example.com\"}]");
        assertChainProblem("Sam's \"approvers\" has an unknown field \"one\"; allowed are all, any, name",
                "\"approvers\": [{\"any\": [\"bo@example.com\"], \"one\": true}]");
        assertChainProblem("Sam's \"approvers\" has a group that names bo@example.com twice",
                "\"approvers\": [{\"any\": [\"bo@example.com\", \"BO@example.com\"]}]");
        assertChainProblem("Sam's \"approver\" names \"bo\", which", "\"approver\": \"bo\"");
        assertChainProblem("Sam's approver cy@example.com is neither a member nor listed in \"email_only\"",
                "\"approvers\": [\"bo@example.com\", {\"all\": [\"cy@example.com\"]}]");
        assertChainProblem("\"onTimeout\" in Sam's \"approvers\" must be \"expire\", \"approve\"",
                "\"approvers\": {\"stages\": [\"bo@example.com\"], \"onTimeout\": \"wait\"}");
        assertProblem("the top-level \"onTimeout\" escalates to cy@example.com, who is neither a member", "{\"members\": ["
                + "{\"id\": \"U0BO\", \"name\": \"Bo\", \"email\": \"bo@example.com\"}], \"onTimeout\": {\"escalate\": \"cy@example.com\"}}");
    }

    private static ApprovalChain chainOf(ApproverRouting routing, String user) {
        return routing.chainFor(Person.ofEmail(user + "@example.com", null)).orElseThrow();
    }

    /** A problem with Sam's approvers, Bo being the only other member. */
    private static void assertChainProblem(String expected, String samsApprovers) {
        assertProblem(expected, "{\"members\": [{\"id\": \"U0SAM\", \"name\": \"Sam\", \"email\": \"sam@example.com\", "
                + samsApprovers + "}, {\"id\": \"U0BO\", \"name\": \"Bo\", \"email\": \"bo@example.com\"}]}");
    }

    private static void assertProblem(String expected, String json) {
        var e = assertThrows(IllegalArgumentException.class, () -> People.parse(json, "test"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith("The workspace's people in test cannot be used: "), e.getMessage());
    }

    @Test
    void theWorkspaceTeamHasBalancesAtOnce() {
        Balances balances = new Balances(People.builtInPolicies(LeavePolicy.DEFAULT.types()), new Holidays(), NO_ADJUSTMENTS, p -> List.of(),
                Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
        Person tom = Person.ofEmail("tom@example.com", "Tom");
        Person hana = Person.ofEmail("hana@example.com", "Hana");

        assertDays("13", balances.of(tom, "annual", LocalDate.of(2026, 12, 2)).orElseThrow().total()); // joined 1 July 2026
        Balance sams = balances.of(Person.ofEmail("sam@example.com", "Sam"), "annual", LocalDate.of(2026, 12, 2)).orElseThrow();
        assertDays("5", sams.carriedOver());
        assertDays("5", sams.carryExpired());
        assertEquals(3, balances.calendarOf(hana).workingDays(LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 27))); // Mon-Thu, not the 24th
        assertDays("25", balances.of(hana, "annual", LocalDate.of(2027, 1, 4)).orElseThrow().total()); // 20 and 5 carried over
    }

    /** The built-in team before anyone has adjusted a balance. */
    private static final LeaveLedger NO_ADJUSTMENTS = new LeaveLedger() {
        @Override
        public List<LedgerEntry> entries(Person person) {
            return List.of();
        }

        @Override
        public LedgerEntry adjust(LedgerEntry adjustment) {
            throw new UnsupportedOperationException("nobody adjusts in this test");
        }
    };

    private static void assertDays(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }
}
