package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.testing.SampleLeaves;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pages tell people to do instead: only the chat apps that are on, and e-mail always. */
class DecisionPagesTest {
    @Test
    void withEMailOnlyThePagesPointToNoChatApp() {
        var pages = new DecisionPages(ZoneOffset.UTC, List.of());
        for (Page page : List.of(pages.tampered(), pages.malformed(), pages.expired(SampleLeaves.pending(), SampleLeaves.DECIDED))) {
            assertFalse(page.html().contains("Slack") || page.html().contains("Teams"), page.html());
            assertTrue(page.html().contains("e-mail"), page.html());
        }
    }

    @Test
    void thePagesNameTheChatAppsThatAreOn() {
        String slackOnly = new DecisionPages(ZoneOffset.UTC, List.of(ChatApp.SLACK)).malformed().html();
        assertTrue(slackOnly.contains("into your browser, or decide in LeaveBot in Slack."), slackOnly);
        assertFalse(slackOnly.contains("Teams"), slackOnly);

        String both = new DecisionPages(ZoneOffset.UTC, List.of(ChatApp.TEAMS, ChatApp.SLACK))
                .expired(SampleLeaves.pending(), SampleLeaves.DECIDED).html();
        assertTrue(both.contains("the newest e-mail about it, or LeaveBot in Slack or Microsoft Teams."), both);
    }

    @Test
    void pagesAreSelfContainedAndLookLikeTheWorkspace() {
        String html = new DecisionPages(ZoneOffset.UTC, List.of()).unknownRequest().html();
        assertTrue(html.contains("<style>") && html.contains("#3f0e40") && html.contains("class=\"card\""), html);
        assertFalse(html.contains("<link") || html.contains("src=") || html.contains("url("), "nothing fetched: " + html);
    }
}
