package io.leavebot.workflow;

import static io.leavebot.testing.SampleLeaves.ADA;
import static io.leavebot.testing.SampleLeaves.BEA;
import static io.leavebot.testing.SampleLeaves.GRACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.leave.ApproverRouting;
import io.leavebot.testing.DigestHarness;
import io.leavebot.testing.SampleLeaves;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a shared channel (the digest's readers) sees of leave: everyone's, out only, whatever the team. */
class SharedChannelSightTest {
    private final Roles roles = new Roles(Set.of(), ApproverRouting.fromJson(DigestHarness.ROUTING, "in the test"));

    @Test
    void aSharedChannelSeesEveryTeamsLeaveOutOnly() {
        var adas = SampleLeaves.request("l-1", ADA, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), false, "Surgery");
        var graces = SampleLeaves.request("l-2", GRACE, LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 4), false, "Surgery");

        assertEquals(Roles.Sight.OUT_ONLY, roles.sightOf(Roles.SHARED_CHANNEL, adas));
        assertEquals(Roles.Sight.OUT_ONLY, roles.sightOf(Roles.SHARED_CHANNEL, graces));
        assertEquals(Roles.Sight.NONE, roles.sightOf(BEA, adas)); // a person of no team sees nothing of Platform's
    }
}
