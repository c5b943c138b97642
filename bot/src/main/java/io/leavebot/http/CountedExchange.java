package io.leavebot.http;

import io.leavebot.ops.Metrics;
import java.io.IOException;
import java.util.Map;

/** An exchange that counts its answer in the metrics, by route and status, as it is sent. */
final class CountedExchange implements Exchange {
    private final Exchange exchange;
    private final Metrics metrics;
    private final String route;

    CountedExchange(Exchange exchange, Metrics metrics, String route) {
        this.exchange = exchange;
        this.metrics = metrics;
        this.route = route;
    }

    @Override
    public String method() {
        return exchange.method();
    }

    @Override
    public String path() {
        return exchange.path();
    }

    @Override
    public String header(String name) {
        return exchange.header(name);
    }

    @Override
    public Map<String, String> headers() {
        return exchange.headers();
    }

    @Override
    public String rawQuery() {
        return exchange.rawQuery();
    }

    @Override
    public byte[] body() {
        return exchange.body();
    }

    @Override
    public void respond(int status, String contentType, String body, Map<String, String> headers) {
        metrics.request(route, status);
        exchange.respond(status, contentType, body, headers);
    }

    @Override
    public void stream(int status, String contentType, Map<String, String> headers, BodyWriter body) throws IOException {
        metrics.request(route, status);
        exchange.stream(status, contentType, headers, body);
    }
}
