package io.leavebot.http;

import java.util.Map;

/**
 * What {@link WebApp#serve} answers: the status, every header ({@code Content-Type} included) and the body as text,
 * UTF-8 on the wire. The body is empty when there is none, as for a {@code HEAD} request.
 */
public record WebResponse(int status, Map<String, String> headers, String body) {
    public WebResponse {
        headers = Map.copyOf(headers);
    }
}
