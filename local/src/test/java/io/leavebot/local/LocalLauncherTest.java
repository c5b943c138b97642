package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.local.Settings.SettingsException;
import io.leavebot.workflow.LeaveRequests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * The local composition, end to end: a request through the JSON API, approved through the link in the e-mail; the
 * engine's Lambda API off by default, and on request only on loopback and only for requests signed with its key.
 */
class LocalLauncherTest {
    private static final String KEY = "local-launcher-test-key-0123456789";
    private static final String GIVEN_SECRET = "given-secret-0123456789abcdef";
    private static final Pattern APPROVE_LINK = Pattern.compile("(http://\\S*/decide\\?token=[^\\s\"<>]*approve[^\\s\"<>]*)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRequestMadeThroughTheApiIsApprovedThroughTheLinkInTheApproversEmail() throws Exception {
        var settings = Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                "LEAVEBOT_DURABLE_PORT", "0", "LEAVEBOT_API_KEY", KEY, "LEAVEBOT_APPROVER_EMAIL", "grace@example.com"));
        try (var running = LocalLauncher.run(settings)) {
            URI web = running.web().uri();
            LocalDate monday = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(1);
            var created = send(HttpRequest.newBuilder(web.resolve("/api/leaves")).header("Authorization", "Bearer " + KEY)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"start_date\":\"" + monday + "\",\"end_date\":\"" + monday.plusDays(2)
                                    + "\",\"employee_email\":\"ada@example.com\",\"reason\":\"Family visit\"}")));
            assertEquals(202, created.statusCode(), created.body());
            String id = created.body().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

            String approveLink = awaitOutbox("grace@example.com", APPROVE_LINK);
            // without LEAVEBOT_APPROVER_NAME the approver has no name: greeted plainly, named by address
            awaitOutbox("grace@example.com", Pattern.compile("(\nHello,)"));
            awaitOutbox("ada@example.com", Pattern.compile("(has been sent to grace@example.com for approval)"));
            String token = approveLink.substring(approveLink.indexOf("token=") + 6);
            var page = send(HttpRequest.newBuilder(web.resolve("/decide?token=" + token)).GET());
            assertEquals(200, page.statusCode());
            var decided = send(HttpRequest.newBuilder(web.resolve("/decide")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))));
            assertEquals(200, decided.statusCode(), decided.body());

            awaitOutbox("ada@example.com", Pattern.compile("(Good news: grace@example.com approved your)"));
            var status = send(HttpRequest.newBuilder(web.resolve("/api/leaves/" + id)).header("Authorization", "Bearer " + KEY).GET());
            assertTrue(status.body().contains("\"APPROVED\""), status.body());
        }
    }

    @Test
    void theEnginesLambdaApiIsOffUnlessItsPortIsSet() throws Exception {
        try (var running = LocalLauncher.run(Settings.of(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0")))) {
            assertTrue(running.durableApi().isEmpty());
            assertFalse(Files.exists(dir.resolve(DurableApi.CREDENTIALS_FILE)));
        }
    }

    @Test
    void theGeneratedKeyIsAnAwsCredentialsProfileAndUnsignedRequestsAreRefused() throws Exception {
        try (var running = LocalLauncher.run(durableApiOn(Map.of("LEAVEBOT_BIND_ADDRESS", "0.0.0.0")))) {
            URI api = running.durableApi().orElseThrow().uri();
            Path key = dir.resolve(DurableApi.CREDENTIALS_FILE);
            var unsigned = send(HttpRequest.newBuilder(api.resolve("/2025-12-01/functions/" + LeaveRequests.FUNCTION
                    + "/durable-executions")).GET());
            var profile = ProfileCredentialsProvider.builder().profileName(DurableApi.PROFILE).profileFile(
                    ProfileFile.builder().content(key).type(ProfileFile.Type.CREDENTIALS).build()).build();

            assertEquals("127.0.0.1", api.getHost()); // not LEAVEBOT_BIND_ADDRESS's 0.0.0.0
            assertEquals(403, unsigned.statusCode());
            assertEquals("MissingAuthenticationTokenException", unsigned.headers().firstValue("x-amzn-ErrorType").orElseThrow());
            try (var lambda = lambda(api, profile)) {
                assertEquals(List.of(), lambda.listDurableExecutionsByFunction(r -> r.functionName(LeaveRequests.FUNCTION))
                        .durableExecutions());
            }
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(key));
            String secret = profile.resolveCredentials().secretAccessKey();
            assertFalse(String.join("\n", running.durableApi().orElseThrow().describe()).contains(secret));
        }
    }

    @Test
    void aGivenKeyIsTheOnlyOneAccepted() throws Exception {
        var settings = durableApiOn(Map.of(DurableApi.ACCESS_KEY_ID, "AKIDGIVENKEY", DurableApi.SECRET_ACCESS_KEY, GIVEN_SECRET));
        try (var running = LocalLauncher.run(settings);
                var given = lambda(running.durableApi().orElseThrow().uri(), credentials("AKIDGIVENKEY", GIVEN_SECRET));
                var wrong = lambda(running.durableApi().orElseThrow().uri(), credentials("AKIDGIVENKEY", GIVEN_SECRET + "x"))) {
            given.listDurableExecutionsByFunction(r -> r.functionName(LeaveRequests.FUNCTION));
            var refused = assertThrows(LambdaException.class,
                    () -> wrong.listDurableExecutionsByFunction(r -> r.functionName(LeaveRequests.FUNCTION)));

            assertEquals("InvalidSignatureException", refused.awsErrorDetails().errorCode());
            assertFalse(Files.exists(dir.resolve(DurableApi.CREDENTIALS_FILE)));
        }
    }

    static Stream<Arguments> malformedDurableApiSettings() {
        return Stream.of(Arguments.of(DurableApi.PORT, Map.of(DurableApi.PORT, "90000")),
                Arguments.of(DurableApi.BIND_ADDRESS, Map.of(DurableApi.BIND_ADDRESS, "[::zz]")),
                Arguments.of(DurableApi.SECRET_ACCESS_KEY, Map.of(DurableApi.ACCESS_KEY_ID, "AKIDGIVENKEY")),
                Arguments.of(DurableApi.SECRET_ACCESS_KEY, Map.of(DurableApi.ACCESS_KEY_ID, "AKIDGIVENKEY",
                        DurableApi.SECRET_ACCESS_KEY, "short")),
                Arguments.of(DurableApi.ACCESS_KEY_ID, Map.of(DurableApi.ACCESS_KEY_ID, "not/a/key",
                        DurableApi.SECRET_ACCESS_KEY, GIVEN_SECRET)));
    }

    @ParameterizedTest
    @MethodSource("malformedDurableApiSettings")
    void aMalformedDurableApiSettingStopsStartUpNamingIt(String setting, Map<String, String> values) {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(durableApiOn(values)));

        assertTrue(refused.getMessage().contains(setting), refused.getMessage());
    }

    static Stream<Arguments> malformedBalanceSettings() {
        return Stream.of(Arguments.of("LEAVEBOT_COUNTRY", Map.of("LEAVEBOT_COUNTRY", "xx")),
                Arguments.of("LEAVEBOT_REGION", Map.of("LEAVEBOT_COUNTRY", "de", "LEAVEBOT_REGION", "atlantis")),
                Arguments.of("LEAVEBOT_POLICY_FILE", Map.of("LEAVEBOT_POLICY_FILE", "no-such-policy.json")),
                Arguments.of("LEAVEBOT_ADMINS", Map.of("LEAVEBOT_ADMINS", "hr@example.com, not-an-address")));
    }

    @ParameterizedTest
    @MethodSource("malformedBalanceSettings")
    void aMalformedBalanceSettingStopsStartUpNamingIt(String setting, Map<String, String> values) {
        var refused = assertThrows(SettingsException.class, () -> LocalLauncher.run(durableApiOn(values)));

        assertTrue(refused.getMessage().contains(setting), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"LEAVEBOT_DURABLE_PORT", "LEAVEBOT_HTTP_PORT"})
    void aPortInUseStopsStartUpWithOneLineNamingItsSetting(String setting) throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var refused = assertThrows(SettingsException.class,
                    () -> LocalLauncher.run(durableApiOn(Map.of(setting, Integer.toString(taken.getLocalPort())))));

            assertTrue(refused.getMessage().startsWith(setting + ": LeaveBot cannot listen on 127.0.0.1:" + taken.getLocalPort()),
                    refused.getMessage());
        }
        // everything that had started was stopped: the same data folder starts again
        LocalLauncher.run(durableApiOn(Map.of())).close();
    }

    /** Settings for a start in the test's folder, on free ports, with the durable API on, plus {@code more}. */
    private Settings durableApiOn(Map<String, String> more) {
        var values = new HashMap<>(Map.of("LEAVEBOT_DATA_DIR", dir.toString(), "LEAVEBOT_HTTP_PORT", "0",
                DurableApi.PORT, "0"));
        values.putAll(more);
        return Settings.of(values);
    }

    private static AwsCredentialsProvider credentials(String keyId, String secret) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
    }

    private static LambdaClient lambda(URI endpoint, AwsCredentialsProvider credentials) {
        return LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for an outbox message to {@code to} whose text matches, and returns the first group. */
    private String awaitOutbox(String to, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            Path outbox = dir.resolve("outbox");
            if (Files.isDirectory(outbox)) {
                try (Stream<Path> files = Files.list(outbox)) {
                    for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        String text = Files.readString(eml, StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
                        Matcher m = pattern.matcher(text);
                        if (text.contains("To: " + to) && m.find()) {
                            return m.group(1);
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no e-mail to " + to + " matching " + pattern + " in the outbox");
    }
}
