package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.WebHarness;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WebServerTest {
    @RegisterExtension
    final WebHarness web = new WebHarness();

    @Test
    void listensOnLoopbackByDefault() {
        assertEquals("127.0.0.1", web.uri().getHost());
        assertTrue(web.uri().getPort() > 0);
    }

    @Test
    void boundToAllAddressesItIsNamedByTheLoopbackAddress() throws Exception {
        for (String all : List.of("0.0.0.0", "::")) {
            try (WebServer server = WebServer.builder(web.bot().leaves()).decisionLinks(LeaveBotHarness.LINKS)
                    .address(InetAddress.getByName(all)).start()) {
                assertEquals(URI.create("http://127.0.0.1:" + server.port()), server.uri(), "bound to " + all);
                var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/admin")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(page.body().contains("There is no page at this address"), "the printed address works");
            }
        }
    }

    @Test
    void unknownAddressGetsAPolite404Page() {
        HttpResponse<String> page = web.get("/admin");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no page at this address"));
    }

    @Test
    void aMountedFrontEndGetsTheWholeRequestAndItsAnswerIsSent() throws Exception {
        var seen = new AtomicReference<WebRequest>();
        try (WebServer server = WebServer.builder(web.bot().leaves()).decisionLinks(LeaveBotHarness.LINKS)
                .mount("/chat/events", request -> {
                    seen.set(request);
                    return new WebResponse(202, Map.of("Content-Type", "application/json"), "{\"ok\":true}");
                }).start()) {
            var http = HttpClient.newHttpClient();
            var answer = http.send(HttpRequest.newBuilder(server.uri().resolve("/chat/events?x=1"))
                    .header("X-Signature", "v0=abc").POST(HttpRequest.BodyPublishers.ofString("a=b&c=d")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(202, answer.statusCode());
            assertEquals("{\"ok\":true}", answer.body());
            assertEquals("application/json", answer.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("POST", seen.get().method());
            assertEquals("x=1", seen.get().rawQuery());
            assertEquals("v0=abc", seen.get().headers().get("x-signature"));
            assertEquals("a=b&c=d", new String(seen.get().body(), StandardCharsets.UTF_8));
            assertEquals(404, http.send(HttpRequest.newBuilder(server.uri().resolve("/chat/events/more")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "a mount is one path, not a prefix");
        }
    }

    @Test
    void refusesToStartWithNothingToServe() {
        var e = assertThrows(IllegalStateException.class, () -> WebServer.builder(web.bot().leaves()).start());
        assertTrue(e.getMessage().contains("nothing to serve"));
    }

    @Test
    void shortOrMissingApiKeyIsRefusedWithoutShowingIt() {
        var missing = assertThrows(IllegalArgumentException.class, () -> ApiKey.of(" "));
        assertTrue(missing.getMessage().contains("openssl rand"));
        var tooShort = assertThrows(IllegalArgumentException.class, () -> ApiKey.of("short-secret"));
        assertFalse(tooShort.getMessage().contains("short-secret"));
        assertEquals("ApiKey[hidden]", ApiKey.of(WebHarness.API_KEY).toString());
    }

    @Test
    void apiKeyMatchesOnlyItself() {
        ApiKey key = ApiKey.of(WebHarness.API_KEY);
        assertEquals(ApiKey.Check.OK, key.check("Bearer " + WebHarness.API_KEY));
        assertEquals(ApiKey.Check.OK, key.check("bearer " + WebHarness.API_KEY));
        assertEquals(ApiKey.Check.WRONG, key.check("Bearer " + WebHarness.API_KEY.substring(1)));
        assertEquals(ApiKey.Check.MISSING, key.check(null));
        assertEquals(ApiKey.Check.MISSING, key.check("Basic " + WebHarness.API_KEY));
    }
}
