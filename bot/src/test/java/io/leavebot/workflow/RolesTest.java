package io.leavebot.workflow;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.ALAN;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static io.leavebot.testing.SampleLeaves.HANA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.Roles.Sight;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {
    /** Ada and Bea (by Slack id) are in research, Alan in support; Grace approves research; Hana is an admin. */
    private static final ApproverRouting ROUTING = ApproverRouting.fromJson("""
            {"default": {"email": "grace@example.org"},
             "overrides": {"ada@example.org": {"email": "hana@example.org"}},
             "teams": {"research": {"members": ["ada@example.org", "U0BEA"], "approvers": {"email": "grace@example.org"}},
                       "support": {"members": ["alan@example.org"], "approvers": {"email": "hana@example.org"}}}}""", "test");
    private final Roles roles = new Roles(Set.of(HANA.key()), ROUTING);
    /** Ada's leave, approved by Grace. */
    private final LeaveRequest adas = SampleLeaves.pending();

    @Test
    void teamsAreNamedByTheRoutingFileWhateverTheOverride() {
        assertEquals(Optional.of("research"), roles.teamOf(ADA), "Ada's override does not take her out of her team");
        assertEquals(Optional.of("research"), roles.teamOf(Person.ofChatUser("slack", "U0BEA", "Bea")));
        assertEquals(Optional.of("support"), roles.teamOf(ALAN));
        assertEquals(Optional.empty(), roles.teamOf(GRACE));
        assertTrue(roles.sameTeam(ADA, Person.ofChatUser("slack", "U0BEA", "Bea")));
        assertFalse(roles.sameTeam(ADA, ALAN));
        assertTrue(roles.sameTeam(GRACE, HANA), "people in no team are one team");
    }

    @Test
    void theEmployeeTheirApproversAndAdminsSeeItAll() {
        assertEquals(Sight.FULL, roles.sightOf(ADA, adas));
        assertEquals(Sight.FULL, roles.sightOf(GRACE, adas), "Grace is in the request's chain");
        assertEquals(Sight.FULL, roles.sightOf(HANA, adas), "Hana is an admin");
    }

    @Test
    void teammatesSeeThatSomeoneIsOutAndOtherTeamsNothing() {
        assertEquals(Sight.OUT_ONLY, roles.sightOf(Person.ofChatUser("slack", "U0BEA", "Bea"), adas));
        assertEquals(Sight.NONE, roles.sightOf(ALAN, adas));
        assertEquals(Sight.NONE, roles.sightOf(BEA, adas), "Bea by e-mail only is not known as U0BEA here");
    }

    @Test
    void aStandInOfTheChainSeesItInFull() {
        LeaveRequest withStandIn = adas.withChain(adas.chain().withStage(1, s -> s.withApprover(0,
                a -> new io.leavebot.leave.StageApprover(a.approver(), ALAN, a.callbackId(), a.messageKey(), a.answer(),
                        a.decision(), a.escalated(), a.answerBy(), a.previousCallbackId(), LocalDate.of(2026, 1, 20)))));
        assertEquals(Sight.FULL, roles.sightOf(ALAN, withStandIn));
        assertTrue(Roles.approves(ALAN, withStandIn));
        assertFalse(Roles.approves(BEA, withStandIn));
    }
}
