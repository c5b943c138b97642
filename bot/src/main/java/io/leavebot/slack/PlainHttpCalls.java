package io.leavebot.slack;

import io.leavebot.net.PlainHttp;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.ConnectionSpec;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;

/**
 * The Slack SDK's calls (Bolt's {@code views.open}, {@code chat.postMessage} through {@code ctx.client()}, response
 * URLs) sent over {@link PlainHttp}, the one transport of every other call LeaveBot makes, instead of OkHttp's own.
 *
 * <p>Why: building an OkHttp client that may speak TLS reads the JDK's whole trust store and sets up its TLS code
 * (~60 classes, a large part of a Lambda function's cold start), and on Lambda {@code PlainHttp} carries HTTPS over
 * the AWS CRT's native TLS instead. So the client LeaveBot gives the SDK is built for cleartext only, which OkHttp
 * builds without any TLS set-up, and an application interceptor answers every call itself: OkHttp's connections
 * are never used. What the SDK sees is the same: the status, headers and body of Slack's answer (its rate-limit
 * {@code Retry-After} among them). As elsewhere, no proxy and no redirect; a failure to connect or a timeout comes
 * to the SDK as the {@link IOException} it handles.
 */
final class PlainHttpCalls implements Interceptor {
    private final PlainHttp http;
    private final Duration timeout;

    private PlainHttpCalls(Duration connectTimeout, Duration timeout) {
        this.http = new PlainHttp(connectTimeout);
        this.timeout = timeout;
    }

    /** An OkHttp client for the SDK that sends each call over {@link PlainHttp}, with the SDK's timeouts. */
    static OkHttpClient client(Duration connectTimeout, Duration timeout) {
        return new OkHttpClient.Builder()
                .connectionSpecs(List.of(ConnectionSpec.CLEARTEXT)) // no TLS set up: the interceptor does the sending
                .addInterceptor(new PlainHttpCalls(connectTimeout, timeout))
                .build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Headers asked = request.headers();
        for (int i = 0; i < asked.size(); i++) {
            headers.merge(asked.name(i), asked.value(i), (first, next) -> first + ", " + next);
        }
        byte[] body = null;
        RequestBody requestBody = request.body();
        if (requestBody != null) {
            Buffer buffer = new Buffer();
            requestBody.writeTo(buffer);
            body = buffer.readByteArray();
            MediaType type = requestBody.contentType();
            if (type != null) {
                headers.putIfAbsent("Content-Type", type.toString());
            }
        }
        PlainHttp.Answer answer = http.send(request.method(), request.url().uri(), headers, body, timeout);
        Headers.Builder answerHeaders = new Headers.Builder();
        answer.headers().forEach((name, values) -> values.forEach(value -> answerHeaders.addUnsafeNonAscii(name, value)));
        MediaType answerType = answer.header("Content-Type").map(MediaType::parse).orElse(null);
        return new Response.Builder()
                .request(request)
                .protocol(Protocol.HTTP_1_1)
                .code(answer.status())
                .message("")
                .headers(answerHeaders.build())
                .body(ResponseBody.create(answer.body(), answerType))
                .build();
    }
}
