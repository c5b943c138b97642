package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.testing.WebHarness;
import java.net.http.HttpResponse;
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
    void unknownAddressGetsAPolite404Page() {
        HttpResponse<String> page = web.get("/admin");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("There is no page at this address"));
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
