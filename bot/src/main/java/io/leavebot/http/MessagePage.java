package io.leavebot.http;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A page that only says something: a status, a title and paragraphs, as LeaveBot's pages look ({@link Html}). For
 * a front end that answers a browser sent back to LeaveBot by another site (Slack's redirect after
 * {@code /leave connect}) without knowing about HTML.
 */
public record MessagePage(int status, String title, List<String> paragraphs) {
    private static final Map<String, String> HEADERS = Map.of("Content-Type", "text/html; charset=utf-8",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");

    public MessagePage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** A GET route whose page {@code answer} makes from the query parameters; other methods get 405. */
    public static Function<WebRequest, WebResponse> serving(Function<Map<String, String>, MessagePage> answer) {
        return request -> {
            MessagePage page = request.method().equals("GET") || request.method().equals("HEAD") ? answer.apply(request.query())
                    : new MessagePage(405, "Not here", List.of("This page is reached with a link; there is nothing to send it."));
            return new WebResponse(page.status(), HEADERS, Html.page(page.title(), Html.paragraphs(page.paragraphs())));
        };
    }
}
