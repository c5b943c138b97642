package io.leavebot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.StageApprover;
import io.leavebot.testing.SampleLeaves;
import org.junit.jupiter.api.Test;

class ChainJsonTest {

    @Test
    void aChainWrittenBeforeAnswerTimesWereKeptReadsWithoutThem() {
        String before = "{\"v\":1,\"onTimeout\":{\"action\":\"EXPIRE\",\"escalateTo\":null},\"stages\":[{\"name\":null,"
                + "\"rule\":\"ONE\",\"status\":\"PENDING\",\"decision\":null,\"approvers\":[{\"approver\":{\"key\":"
                + "\"grace@example.org\",\"name\":\"Grace Hopper\"},\"standIn\":null,\"callbackId\":\"cb-1\","
                + "\"messageKey\":\"k1\",\"answer\":null,\"decision\":null,\"escalated\":false}]}]}";

        StageApprover place = ChainJson.read(before).stage(1).approvers().get(0);

        assertEquals("cb-1", place.callbackId());
        assertNull(place.answerBy());
        assertNull(place.previousCallbackId());
    }

    @Test
    void answerTimesAndPreviousCallbacksReadBack() {
        ApprovalChain chain = SampleLeaves.standingIn().chain().withStage(1, s -> s.withApprover(0,
                p -> p.asking(SampleLeaves.BEA, java.time.LocalDate.of(2026, 1, 9), "cb-2", "k2", SampleLeaves.DECIDED)));

        assertEquals(chain, ChainJson.parse(ChainJson.write(chain)));
        assertEquals(java.time.LocalDate.of(2026, 1, 9), ChainJson.parse(ChainJson.write(chain)).stage(1).approvers().get(0).awayUntil());
        assertEquals(SampleLeaves.CALLBACK_ID, chain.stage(1).approvers().get(0).previousCallbackId());
    }

    @Test
    void aChainWrittenIsReadBackEqualWithoutParsingItAgain() {
        ApprovalChain chain = SampleLeaves.standingIn().chain();
        String text = ChainJson.write(chain);

        assertEquals(chain, ChainJson.parse(text)); // what makes serving the written chain for its text right
        assertSame(chain, ChainJson.read(text));
        assertEquals(chain, ChainJson.read(new String(text.toCharArray()))); // by its text, not by the String
    }
}
