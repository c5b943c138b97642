package io.leavebot.slack;

import io.leavebot.http.Html;
import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import io.leavebot.slack.SlackConnect.Outcome;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@value SlackConnect#CALLBACK_PATH}, where Slack's authorize page sends people back ({@code ?code&state}, or
 * {@code ?error=access_denied&state}): a page that says whether their account is connected, or what went wrong and
 * what to do. Mounted on the local web server and on the API function's URL.
 */
public final class ConnectPage implements Function<WebRequest, WebResponse> {
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");

    private final SlackConnect connect;

    public ConnectPage(SlackConnect connect) {
        this.connect = connect;
    }

    @Override
    public WebResponse apply(WebRequest request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return page(405, "Not here", "Slack sends you to this page with a link; there is nothing to send it.");
        }
        Map<String, String> query = request.query();
        Outcome outcome = connect.complete(query.get("code"), query.get("state"), query.get("error"));
        return switch (outcome) {
            case CONNECTED -> page(200, "Connected", "Connected: your status will show when you are on leave.",
                    "Type /leave disconnect in Slack to stop it.");
            case DENIED -> page(200, "Not connected", "You did not allow LeaveBot to set your status, so nothing changed.",
                    "Type /leave connect in Slack if you change your mind.");
            case EXPIRED -> page(400, "This link has expired", "Links to connect your account work for 10 minutes.",
                    "Type /leave connect in Slack for a new one.");
            case OTHER_USER -> page(403, "Not connected", "This link was made for another Slack user, so LeaveBot kept nothing.",
                    "Type /leave connect in Slack yourself, signed in as you.");
            case INVALID_LINK -> page(400, "This link does not work", "The address is incomplete or was changed.",
                    "Type /leave connect in Slack for a new link.");
            case SLACK_FAILED -> page(502, "Slack did not answer", "LeaveBot could not finish connecting your account with Slack.",
                    "Please try again in a few minutes: type /leave connect in Slack.");
        };
    }

    private static WebResponse page(int status, String title, String... paragraphs) {
        return new WebResponse(status, HEADERS, Html.page(title, Html.paragraphs(List.of(paragraphs))));
    }
}
