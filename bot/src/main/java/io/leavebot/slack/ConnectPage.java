package io.leavebot.slack;

import java.util.List;
import java.util.Map;

/**
 * What {@value SlackConnect#CALLBACK_PATH} says to someone Slack's authorize page sent back ({@code ?code&state},
 * or {@code ?error=access_denied&state}): whether their account is connected, or what went wrong and what to do.
 * The composition roots serve it as a page (the local web server, the API function's URL).
 */
public final class ConnectPage {
    /** The page's status, title and paragraphs. */
    public record Answer(int status, String title, List<String> paragraphs) {
    }

    private final SlackConnect connect;

    public ConnectPage(SlackConnect connect) {
        this.connect = connect;
    }

    /** Finishes the flow with the redirect's query parameters, and says how it ended. */
    public Answer answer(Map<String, String> query) {
        return switch (connect.complete(query.get("code"), query.get("state"), query.get("error"))) {
            case CONNECTED -> answer(200, "Connected", "Connected: your status will show when you are on leave.",
                    "Type /leave disconnect in Slack to stop it.");
            case DENIED -> answer(200, "Not connected", "You did not allow LeaveBot to set your status, so nothing changed.",
                    "Type /leave connect in Slack if you change your mind.");
            case EXPIRED -> answer(400, "This link has expired", "Links to connect your account work for 10 minutes.",
                    "Type /leave connect in Slack for a new one.");
            case OTHER_USER -> answer(403, "Not connected", "This link was made for another Slack user, so LeaveBot kept nothing.",
                    "Type /leave connect in Slack yourself, signed in as you.");
            case INVALID_LINK -> answer(400, "This link does not work", "The address is incomplete or was changed.",
                    "Type /leave connect in Slack for a new link.");
            case SLACK_FAILED -> answer(502, "Slack did not answer", "LeaveBot could not finish connecting your account with Slack.",
                    "Please try again in a few minutes: type /leave connect in Slack.");
        };
    }

    private static Answer answer(int status, String title, String... paragraphs) {
        return new Answer(status, title, List.of(paragraphs));
    }
}
