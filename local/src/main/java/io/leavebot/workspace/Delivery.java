package io.leavebot.workspace;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * Sends what people do in the workspace to LeaveBot as Slack does: an HTTP POST to the app's request URL, signed
 * with the signing secret ({@code X-Slack-Signature} over {@code v0:<timestamp>:<body>}, on Slack's real clock), and
 * answered within Slack's {@link #ACK_TIMEOUT}. LeaveBot checks it with the same code as a request from slack.com.
 */
final class Delivery {
    /** How long Slack waits for the app's answer before it tells the person {@code operation_timeout}. */
    static final Duration ACK_TIMEOUT = Duration.ofSeconds(3);

    /**
     * LeaveBot's answer, or why there is none.
     *
     * @param failure Slack's word for a failed delivery ({@code operation_timeout}, {@code dispatch_failed}), or null
     */
    record Ack(int status, String contentType, String body, String failure) {
        static Ack failed(String failure) {
            return new Ack(0, null, "", failure);
        }
    }

    private final SlackSignature.Generator signature;
    private final Clock slackTime;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI requestUrl;

    /** @param timeout {@link #ACK_TIMEOUT}, as on Slack; tests on a loaded machine may allow more */
    Delivery(String signingSecret, Clock slackTime, Duration timeout) {
        this.signature = new SlackSignature.Generator(signingSecret);
        this.slackTime = slackTime;
        this.timeout = timeout;
    }

    /** Where LeaveBot takes Slack's requests: its {@code /slack/events}, once its web server listens. */
    void sendTo(URI url) {
        this.requestUrl = url;
    }

    /** Posts a form body (a slash command, or {@code payload=} of an interaction). */
    Ack form(String body) {
        return send(body, "application/x-www-form-urlencoded");
    }

    /** Posts an Events API envelope. */
    Ack event(String json) {
        return send(json, "application/json");
    }

    private Ack send(String body, String contentType) {
        URI url = requestUrl;
        if (url == null) {
            return Ack.failed("dispatch_failed");
        }
        String timestamp = Long.toString(slackTime.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", contentType)
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature.generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Ack(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null), response.body(),
                    response.statusCode() == 200 ? null : "dispatch_failed");
        } catch (HttpTimeoutException e) {
            return Ack.failed("operation_timeout");
        } catch (IOException e) {
            return Ack.failed("dispatch_failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Ack.failed("dispatch_failed");
        }
    }
}
