package io.leavebot.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page's JSON answers only the page: changes come as JSON (which another site's page cannot send unasked), and
 * requests must be addressed to this machine's loopback names (against DNS rebinding).
 */
class PageApiTest {
    @TempDir
    Path dir;

    private PageApi api;

    @BeforeEach
    void setUp() {
        People people = People.defaults();
        var conversations = new Conversations(dir.resolve("messages.json"), Clock.systemUTC(), people);
        api = new PageApi(people, conversations, new Surfaces(Clock.systemUTC()), null, null, new UserGrants(people, Clock.systemUTC()), true);
    }

    @Test
    void aChangeThatIsNotSentAsJsonIsRefused() {
        WebResponse answer = call("POST", "/workspace/type", "127.0.0.1:3000", "text/plain", "{\"user\":\"U0SAM\",\"text\":\"hi\"}");
        assertEquals(415, answer.status());
    }

    @Test
    void aRequestAddressedToAnotherHostIsRefused() {
        WebResponse answer = call("POST", "/workspace/close", "leavebot.attacker.example:3000", "application/json", "{\"user\":\"U0SAM\"}");
        assertEquals(403, answer.status());
        assertEquals(200, call("POST", "/workspace/close", "localhost:3000", "application/json", "{\"user\":\"U0SAM\"}").status());
    }

    @Test
    void somebodyWhoIsNotInTheWorkspaceIsNamedInTheRefusal() {
        WebResponse answer = call("POST", "/workspace/close", "127.0.0.1:3000", "application/json", "{\"user\":\"U0NOBODY\"}");
        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("nobody in the workspace has the id U0NOBODY"), answer.body());
    }

    @Test
    void loopbackNamesAreThoseOfThisMachineOnly() {
        assertTrue(PageApi.isLoopbackHost("127.0.0.1:3000"));
        assertTrue(PageApi.isLoopbackHost("localhost"));
        assertTrue(PageApi.isLoopbackHost("[::1]:3000"));
        assertFalse(PageApi.isLoopbackHost("127.0.0.1.attacker.example"));
        assertFalse(PageApi.isLoopbackHost(null));
    }

    private WebResponse call(String method, String path, String host, String contentType, String body) {
        var request = new WebRequest(method, path, null, Map.of("Host", host, "Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
        return api.routes().get(path).apply(request);
    }
}
