package io.leavebot.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChatRepliesTest {
    private final ChatReplies replies = new ChatReplies(new NotificationTexts(ZoneId.of("UTC")), LeavePolicy.DEFAULT, "/leave");

    @Test
    void aLateAnswerSaysWhoDecidedAndWhen() {
        LeaveRequest approved = SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null);
        ChatReply reply = replies.answered(approved.id(), Answer.reject(SampleLeaves.GRACE, null),
                new Answered(Answered.Result.ALREADY_DECIDED, approved));
        assertEquals("This request is no longer waiting for a decision, so it can no longer be approved or rejected. "
                + "Nothing was changed.\n"
                + "Dates: Mon 12 Jan 2026 – Fri 16 Jan 2026\n"
                + "Length: 5 working days\n"
                + "Type: Annual leave\n"
                + "Reason: Family visit\n"
                + "Status: Approved by Grace Hopper on Tue 6 Jan 2026, 14:05 UTC\n"
                + "Id: req-7f3a9c", reply.plainText());
    }

    @Test
    void anAcceptedDecisionReadsLikeTheApproversUpdate() {
        ChatReply reply = replies.answered(SampleLeaves.REQUEST_ID, Answer.approve(SampleLeaves.GRACE, null),
                new Answered(Answered.Result.ACCEPTED, SampleLeaves.pending()));
        assertEquals(List.of("You approved Ada Lovelace's leave: Mon 12 Jan 2026 – Fri 16 Jan 2026",
                "Ada Lovelace has been told. There is nothing more for you to do."), reply.paragraphs());
    }

    @Test
    void aListNamesTwentyRequestsAndCountsTheRest() {
        List<LeaveRequest> many = IntStream.range(0, 23).mapToObj(i -> SampleLeaves.request("r" + i, SampleLeaves.ADA,
                LocalDate.of(2026, 2, 2).plusWeeks(i), LocalDate.of(2026, 2, 2).plusWeeks(i), false, null)).toList();
        List<String> paragraphs = replies.list(many).paragraphs();
        assertEquals(1 + 20 + 1, paragraphs.size());
        assertEquals("• Mon 2 Feb 2026 · 1 working day · Annual leave · Waiting for Grace Hopper's decision (id r0)", paragraphs.get(1));
        assertEquals("…and 3 older requests.", paragraphs.get(21));
    }

    @Test
    void aListAlsoNamesWhatWaitsForTheViewerAsApproverOrStandIn() {
        List<String> paragraphs = replies.list(List.of(), List.of(SampleLeaves.standingIn(), SampleLeaves.atSecondStage()),
                SampleLeaves.BEA).paragraphs();

        assertEquals("You have no leave requests yet. To ask for leave, type /leave.", paragraphs.get(0));
        assertTrue(paragraphs.get(1).startsWith("Waiting for your decision"), paragraphs.get(1));
        assertEquals("• Ada Lovelace (standing in for Grace Hopper): Mon 12 Jan 2026 – Fri 16 Jan 2026 · 5 working days · "
                + "Annual leave · Family visit · Waiting for Bea Baker's decision — Bea Baker decides while Grace Hopper is "
                + "away (id req-7f3a9c)", paragraphs.get(2));
        assertTrue(paragraphs.get(3).startsWith("• Ada Lovelace: "), "Bea is not in the HR step: " + paragraphs.get(3));
    }

    @Test
    void refusalsSayThatNothingChanged() {
        for (Answered.Result result : List.of(Answered.Result.NOT_ALLOWED, Answered.Result.NOT_FOUND, Answered.Result.NOT_READY)) {
            for (Answer answer : List.of(Answer.approve(SampleLeaves.ALAN, null), Answer.cancel(SampleLeaves.ALAN))) {
                String text = replies.answered("r1", answer, new Answered(result, SampleLeaves.pending())).plainText();
                assertTrue(text.contains("Nothing was changed."), result + ": " + text);
                assertTrue(!text.contains(SampleLeaves.CALLBACK_ID), "never a callback id: " + text);
            }
        }
    }

    @Test
    void helpNamesEveryCommandOfWhosOut() {
        String help = replies.help(LocalDate.of(2026, 1, 5)).plainText();
        for (String command : List.of("/leave whosout (or whosout 2026-01-12)", "/leave connect", "/leave disconnect",
                "/leave calendar", "/leave calendar rotate", "/leave report 2025-12")) {
            assertTrue(help.contains(command), command + " in\n" + help);
        }
    }
}
