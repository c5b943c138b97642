package io.leavebot.net;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PlainHttp} against WireMock: what its callers (AWS, Slack, Teams) count on. */
class PlainHttpTest {
    final PlainHttp http = new PlainHttp(Duration.ofSeconds(2));
    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private URI at(String path) {
        return URI.create(server.baseUrl() + path);
    }

    @Test
    void httpsGoesOverTheTransportTheProcessChoseWithTheSameHeadersAndBodyRules() throws IOException {
        List<String> carried = new ArrayList<>();
        PlainHttp.sendHttpsOver((method, uri, headers, body, connectTimeout, timeout) -> {
            carried.add(method + " " + uri + " Accept=" + headers.get("accept") + " X=" + headers.get("X-Id")
                    + " body=" + (body == null ? "none" : body.length + " bytes") + " within " + timeout.toMillis());
            return new PlainHttp.Answer(204, Map.of(), new byte[0]);
        });
        try {
            assertEquals(204, http.send("POST", URI.create("https://slack.test/api/x"), Map.of("X-Id", "1"), null,
                    Duration.ofMillis(700)).status());
            assertEquals(204, http.send("GET", URI.create("https://slack.test/api/y"), Map.of(), null, Duration.ofSeconds(2)).status());
            server.stubFor(get("/plain").willReturn(aResponse().withBody("the JDK's")));
            assertEquals("the JDK's", new String(http.send("GET", at("/plain"), Map.of(), null, Duration.ofSeconds(2)).body(),
                    StandardCharsets.UTF_8), "plain HTTP stays on the JDK's HttpURLConnection");
        } finally {
            PlainHttp.sendHttpsOver(null);
        }

        assertEquals(List.of("POST https://slack.test/api/x Accept=*/* X=1 body=0 bytes within 700",
                "GET https://slack.test/api/y Accept=*/* X=null body=none within 2000"), carried);
    }

    @Test
    void sendsTheMethodHeadersAndBodyAndReadsTheWholeAnswer() throws IOException {
        server.stubFor(post("/api/chat.postMessage").willReturn(aResponse().withStatus(200)
                .withHeader("X-Slack-Req-Id", "r1").withBody("{\"ok\":true}")));

        PlainHttp.Answer answer = http.send("POST", at("/api/chat.postMessage"),
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer xoxb-1"),
                "channel=C1&text=hi%20there".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2));

        assertEquals(200, answer.status());
        assertEquals("{\"ok\":true}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("r1", answer.header("x-slack-req-id").orElseThrow(), "headers are found in any case");
        server.verify(postRequestedFor(urlEqualTo("/api/chat.postMessage"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withHeader("Authorization", equalTo("Bearer xoxb-1"))
                .withHeader("Content-Length", equalTo("26"))
                .withHeader("Accept", equalTo("*/*"))
                .withRequestBody(equalTo("channel=C1&text=hi%20there")));
    }

    @Test
    void anErrorStatusComesBackWithItsBodyAndAPutWithoutBodySendsAnEmptyOne() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("X-Amzn-ErrorType", "ValidationException").withBody("{\"message\":\"bad\"}")));

        PlainHttp.Answer answer = http.send("PUT", at("/v3/conversations/a/activities/b"), Map.of(), null, Duration.ofSeconds(2));

        assertEquals(400, answer.status());
        assertEquals("{\"message\":\"bad\"}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("ValidationException", answer.header("X-Amzn-ErrorType").orElseThrow());
        server.verify(putRequestedFor(urlEqualTo("/v3/conversations/a/activities/b")).withHeader("Content-Length", equalTo("0")));
    }

    @Test
    void aRedirectIsAnsweredNotFollowed() throws IOException {
        server.stubFor(get("/keys").willReturn(aResponse().withStatus(302).withHeader("Location", server.baseUrl() + "/elsewhere")));

        assertEquals(302, http.send("GET", at("/keys"), Map.of(), null, Duration.ofSeconds(2)).status());
        server.verify(0, getRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void noAnswerWithinTheTimeoutIsASocketTimeout() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(1_500)));

        assertThrows(SocketTimeoutException.class,
                () -> http.send("POST", at("/slow"), Map.of(), new byte[] {1}, Duration.ofMillis(200)));
    }

    /** The JDK would send a POST again when its kept connection drops; {@code sun.net.http.retryPost} is off. */
    @Test
    void aPostWhoseConnectionDropsIsSentOnceAndFails() {
        server.stubFor(post("/2015-03-31/functions/f/invocations").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThrows(IOException.class, () -> http.send("POST", at("/2015-03-31/functions/f/invocations"), Map.of(),
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(2)));
        server.verify(1, postRequestedFor(urlEqualTo("/2015-03-31/functions/f/invocations")));
    }

    @Test
    void anEmptyAnswerHasAnEmptyBody() throws IOException {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

        PlainHttp.Answer answer = http.send("DELETE", at("/x"), Map.of(), null, Duration.ofSeconds(2));

        assertEquals(204, answer.status());
        assertArrayEquals(new byte[0], answer.body());
    }
}
