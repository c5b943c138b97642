package io.leavebot.teams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamsCardsTest {
    private final TeamsCards cards = new TeamsCards(new NotificationTexts(ZoneOffset.UTC));

    @Test
    void anApprovalCardOfALaterStepSaysTheStepAndTheEarlierDecisionsAndAnswersItsOwnCallback() {
        JsonNode card = cards.notification(new Notification(Kind.APPROVAL_REQUEST, SampleLeaves.atSecondStage(), "cb-hr-2", 0, List.of()));

        List<String> texts = card.path("body").findValuesAsText("text");
        assertTrue(texts.contains("Step 2 of 2 — HR: any one of HR decides."), texts.toString());
        assertEquals("Step 1 — Grace Hopper: approved Mon 5 Jan 2026", fact(card, "Earlier steps"));
        assertEquals("cb-hr-2", card.path("actions").get(0).path("data").path(TeamsCards.CALLBACK_ID).asText());
    }

    @Test
    void aStandInsCardSaysWhomTheyDecideFor() {
        JsonNode card = cards.notification(new Notification(Kind.REMINDER, SampleLeaves.standingIn(), SampleLeaves.CALLBACK_ID, 1, List.of()));

        assertTrue(card.path("body").findValuesAsText("text").contains("You decide for Grace Hopper, who is away."), card.toString());
    }

    @Test
    void theEmployeesCardOfAnApprovedChainNamesEachApproval() {
        JsonNode card = cards.notification(Notification.of(Kind.OUTCOME, SampleLeaves.approvedThroughTheChain()));

        assertTrue(card.path("body").findValuesAsText("text").contains("Good news: your request for 5 working days of annual "
                + "leave is approved by Grace Hopper, then by Hana HR for HR."), card.toString());
    }

    private static String fact(JsonNode card, String title) {
        for (JsonNode fact : card.path("body").findValues("facts").get(0)) {
            if (fact.path("title").asText().equals(title)) {
                return fact.path("value").asText();
            }
        }
        return null;
    }
}
