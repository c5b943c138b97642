package io.leavebot.durable.engine;

import io.leavebot.durable.DurableClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The routes under {@code /2025-12-01/durable-execution-callbacks/{CallbackId}}: succeed, fail, heartbeat. */
final class CallbackRoutes {
    /** SendDurableExecutionCallbackSuccess takes a result of at most 256 KiB. */
    static final int MAX_RESULT_BYTES = 256 * 1024;

    private final DurableClient client;

    CallbackRoutes(DurableClient client) {
        this.client = client;
    }

    /** The body is the result itself, as raw bytes (JSON text by convention). */
    void succeed(RestExchange ex, String callbackId) {
        byte[] result = ex.body(MAX_RESULT_BYTES, "the callback Result is larger than " + MAX_RESULT_BYTES
                + " bytes (256 KiB), the limit for SendDurableExecutionCallbackSuccess; send a reference to the data instead");
        client.succeedCallback(callbackId, result.length == 0 ? null : new String(result, StandardCharsets.UTF_8));
        ex.respondJson(200, Map.of());
    }

    /** The body is the ErrorObject; it may be empty. */
    void fail(RestExchange ex, String callbackId) {
        client.failCallback(callbackId, ex.error("SendDurableExecutionCallbackFailure"));
        ex.respondJson(200, Map.of());
    }

    void heartbeat(RestExchange ex, String callbackId) {
        client.heartbeatCallback(callbackId);
        ex.respondJson(200, Map.of());
    }
}
