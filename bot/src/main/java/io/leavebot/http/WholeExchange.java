package io.leavebot.http;

import java.util.Map;

/** An {@link Exchange} over a {@link WebRequest} that arrived whole; the answer is kept for {@link #response()}. */
final class WholeExchange implements Exchange {
    private final WebRequest request;
    private WebResponse response;

    WholeExchange(WebRequest request) {
        this.request = request;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String path() {
        return request.path();
    }

    @Override
    public Map<String, String> headers() {
        return request.headers();
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public String rawQuery() {
        return request.rawQuery();
    }

    @Override
    public byte[] body() {
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            throw HttpProblem.tooLarge(MAX_BODY_BYTES);
        }
        return body;
    }

    @Override
    public void respond(int status, String contentType, String body, Map<String, String> headers) {
        if (response != null) {
            throw new IllegalStateException("the request was answered already");
        }
        response = new WebResponse(status, Exchange.headersFor(contentType, headers), method().equals("HEAD") ? "" : body);
    }

    /** The answer sent. */
    WebResponse response() {
        if (response == null) {
            throw new IllegalStateException("the request was not answered");
        }
        return response;
    }
}
