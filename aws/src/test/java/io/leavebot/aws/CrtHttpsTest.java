package io.leavebot.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.leavebot.net.PlainHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrtHttps}, the Lambda functions' HTTPS, against WireMock behind a TLS front: the promises {@link PlainHttp}
 * makes its callers (AWS, Slack, Teams), kept over the CRT's native TLS.
 */
class CrtHttpsTest {
    private static final Duration SECONDS_2 = Duration.ofSeconds(2);
    @TempDir
    static Path folder;
    static WireMockServer server;
    static TlsFronts fronts;
    static CrtHttps https;
    static URI base;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        fronts = new TlsFronts(folder);
        base = URI.create(fronts.overTls(Map.of("X", "http://127.0.0.1:" + server.port()), Set.of("X")).get("X"));
        https = CrtHttps.starting(fronts.environment().get(CrtHttps.CERTIFICATES));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    private static URI at(String path) {
        return URI.create(base + path);
    }

    private static PlainHttp.Answer send(String method, String path, Map<String, String> headers, byte[] body,
            Duration timeout) throws IOException {
        return https.send(method, at(path), headers, body, SECONDS_2, timeout);
    }

    @Test
    void sendsTheMethodHeadersAndBodyAndReadsTheWholeAnswer() throws IOException {
        server.stubFor(post("/api/chat.postMessage?x=1").willReturn(aResponse().withStatus(200)
                .withHeader("X-Slack-Req-Id", "r1").withBody("{\"ok\":true}")));

        PlainHttp.Answer answer = send("POST", "/api/chat.postMessage?x=1",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Bearer xoxb-1"),
                "channel=C1&text=hi%20there".getBytes(StandardCharsets.UTF_8), SECONDS_2);

        assertEquals(200, answer.status());
        assertEquals("{\"ok\":true}", new String(answer.body(), StandardCharsets.UTF_8));
        assertEquals("r1", answer.header("x-slack-req-id").orElseThrow(), "headers by name, in any case");
        server.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage?x=1"))
                .withHeader("Authorization", equalTo("Bearer xoxb-1"))
                .withHeader("Content-Length", equalTo("26"))
                .withHeader("Host", equalTo("127.0.0.1:" + base.getPort()))
                .withRequestBody(equalTo("channel=C1&text=hi%20there")));
    }

    @Test
    void readsTheBodyOfARefusalAndFollowsNoRedirect() throws IOException {
        server.stubFor(get("/refused").willReturn(aResponse().withStatus(400).withBody("{\"__type\":\"ValidationException\"}")));
        server.stubFor(get("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", base + "/refused")));

        PlainHttp.Answer refused = send("GET", "/refused", Map.of(), null, SECONDS_2);
        PlainHttp.Answer moved = send("GET", "/moved", Map.of(), null, SECONDS_2);

        assertEquals(400, refused.status());
        assertEquals("{\"__type\":\"ValidationException\"}", new String(refused.body(), StandardCharsets.UTF_8));
        assertEquals(302, moved.status());
        server.verify(1, getRequestedFor(urlEqualTo("/refused")));
    }

    @Test
    void anAnswerTooSlowIsATimeoutAndThePostIsNotSentAgain() throws IOException {
        server.stubFor(post("/slow").willReturn(aResponse().withFixedDelay(1500).withBody("late")));

        var timeout = assertThrows(SocketTimeoutException.class,
                () -> send("POST", "/slow", Map.of(), "{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(200)));

        assertTrue(timeout.getMessage().contains("no answer within 200 ms"), timeout.getMessage());
        server.stubFor(get("/after").willReturn(aResponse().withBody("fine")));
        assertEquals(200, send("GET", "/after", Map.of(), null, SECONDS_2).status(), "the next call gets a sound connection");
        server.verify(1, postRequestedFor(urlEqualTo("/slow")));
    }

    @Test
    void aConnectionDroppedWithoutAnAnswerFailsOnceAsASocketFailure() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        assertThrows(SocketException.class, () -> send("POST", "/dropped", Map.of(), new byte[] {1}, SECONDS_2));

        server.verify(1, postRequestedFor(urlEqualTo("/dropped")));
    }

    @Test
    void aHostNobodyListensOnIsAConnectFailure() throws IOException {
        int free;
        try (var socket = new ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        URI nobody = URI.create("https://127.0.0.1:" + free + "/");

        assertThrows(ConnectException.class, () -> https.send("GET", nobody, Map.of(), null, SECONDS_2, SECONDS_2));
    }

    @Test
    void aServerTheTrustDoesNotCoverGetsNoRequest() {
        CrtHttps systemTrustOnly = CrtHttps.starting(null); // the fronts' key is made for this run: no public CA vouches for it

        // s2n holds a failed handshake for 10 - 30 s before it says so (its blinding against timing attacks), so the
        // caller hears of it as a connection that did not come in time
        var failure = assertThrows(SocketTimeoutException.class, () -> systemTrustOnly.send("GET", at("/any"), Map.of(), null,
                Duration.ofMillis(300), SECONDS_2));

        assertTrue(failure.getMessage().startsWith("no connection to 127.0.0.1:"), failure.getMessage());
        server.verify(0, getRequestedFor(anyUrl()));
    }
}
