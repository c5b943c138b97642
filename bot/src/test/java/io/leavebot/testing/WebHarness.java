package io.leavebot.testing;

import io.leavebot.exports.LeaveReport;
import io.leavebot.http.ApiKey;
import io.leavebot.http.WebServer;
import io.leavebot.leave.Person;
import io.leavebot.leave.LeaveRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LeaveBot's web server, started for each test on a random loopback port in front of a whole bot
 * ({@link LeaveBotHarness}: the embedded engine on a test clock, SQLite, e-mail to GreenMail), with an
 * {@link HttpClient} to talk to it. Register with {@code @RegisterExtension final WebHarness web = new WebHarness();};
 * the server and the bot are closed after each test in one place.
 */
public final class WebHarness implements BeforeEachCallback, AfterEachCallback {
    /** The API key the server is configured with. */
    public static final String API_KEY = "test-api-key-4f9c2b7e1d8a6053";
    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9._-]+)");

    private final LeaveBotHarness bot = new LeaveBotHarness();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private WebServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        bot.beforeEach(context);
        server = WebServer.builder(bot.leaves())
                .decisionLinks(LeaveBotHarness.LINKS)
                .apiKey(ApiKey.of(API_KEY))
                .awayPeriods(bot.away())
                .calendarFeeds(bot.feeds())
                .reports(new LeaveReport(bot.store(), bot.balances()), bot.reportLinks())
                .clock(bot.time())
                .start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            server.close();
        } finally {
            bot.afterEach(context);
        }
    }

    /** Who the bot's admins are (before the test starts: nobody). */
    public WebHarness withAdmins(Person... people) {
        bot.withAdmins(people);
        return this;
    }

    public LeaveBotHarness bot() {
        return bot;
    }

    public URI uri() {
        return server.uri();
    }

    /** Submits Ada's request and lets the workflow run until the approver has been asked. */
    public LeaveRequest submitted(String requestId) {
        return bot.submitted(requestId);
    }

    /**
     * The token of the link labelled {@code label} (Approve, Reject, Withdraw) in the newest e-mail to
     * {@code person} that has one.
     */
    public String tokenFromMail(Person person, String label) {
        List<ReceivedMail> mail = bot.mailTo(person, "");
        for (int i = mail.size() - 1; i >= 0; i--) {
            String text = mail.get(i).text();
            int at = text.indexOf("\n" + label + ": ");
            Matcher token = TOKEN.matcher(at < 0 ? "" : text.substring(at));
            if (token.find()) {
                return token.group(1);
            }
        }
        throw new AssertionError("no " + label + " link in the e-mail to " + person.email() + ": " + mail);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri().resolve(pathAndQuery)).GET());
    }

    /** A form post, as a browser sends it. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A JSON API call with the right key; {@code body} null for none. */
    public HttpResponse<String> api(String method, String path, String body) {
        return apiWith("Bearer " + API_KEY, method, path, body);
    }

    /** A JSON API call with this {@code Authorization} header (null for none). */
    public HttpResponse<String> apiWith(String authorization, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri().resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
