package io.leavebot.durable.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionStatus;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Each Lambda API call the runtime makes, sent once by the AWS SDK's own {@link LambdaClient} and once by ours,
 * to the same WireMock: method, path, query, content type and JSON body must match, and both must be SigV4-signed
 * for service {@code lambda}. The checkpoint's random ClientToken is the one member allowed to differ.
 */
class LambdaWireFidelityTest {
    static final String ARN = "arn:aws:lambda:eu-west-1:123456789012:function:leave:live/durable-execution/leave-1/e+1";
    static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:leave:live";
    static final String CALLBACK = "Y2Ir/w==";
    static final Instant T0 = Instant.parse("2026-03-02T09:15:30.123Z");
    static final Instant T1 = Instant.parse("2026-03-02T10:00:00Z");
    static final ErrorObject REASON = new ErrorObject("Withdrawn", "the employee withdrew", "{}", List.of("a|b|c|1"));

    static WireMockServer aws;
    static LambdaClient sdk;
    static LambdaDurableService service;
    static LambdaDurableClient client;

    @BeforeAll
    static void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        aws.stubFor(any(urlMatching("/2015-03-31/.*")).willReturn(aResponse().withStatus(202)
                .withHeader("X-Amz-Durable-Execution-Arn", ARN)));
        aws.stubFor(any(urlMatching("/2025-12-01/.*")).atPriority(10).willReturn(okJson("{}")));
        aws.stubFor(any(urlMatching("/2025-12-01/durable-executions/[^/]+(\\?.*)?")).willReturn(okJson(
                "{\"DurableExecutionArn\":\"" + ARN + "\",\"Status\":\"RUNNING\",\"StartTimestamp\":1.0}")));
        aws.stubFor(any(urlMatching(".*/stop")).willReturn(okJson("{\"StopTimestamp\":2.0}")));
        var key = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret"));
        sdk = LambdaClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_WEST_1)
                .credentialsProvider(key).httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        var ours = AwsHttpCaller.builder("lambda", "eu-west-1").endpoint(URI.create(aws.baseUrl())).credentials(AwsCredentials.of("AKIDEXAMPLE", "secret")).maxAttempts(1).build();
        service = new LambdaDurableService(ours);
        client = new LambdaDurableClient(ours, FUNCTION);
    }

    @AfterAll
    static void stop() {
        sdk.close();
        aws.stop();
    }

    @BeforeEach
    void forget() {
        aws.resetRequests();
    }

    static Stream<Arguments> calls() {
        var updates = List.of(
                OperationUpdate.builder("1", OperationType.STEP, OperationAction.SUCCEED).name("record-leave")
                        .subType("Step").payload("{\"id\":7}").build(),
                OperationUpdate.builder("2", OperationType.WAIT, OperationAction.START)
                        .waitOptions(new OperationUpdate.WaitOptions(60)).build());
        var sdkUpdates = List.of(
                software.amazon.awssdk.services.lambda.model.OperationUpdate.builder().id("1").name("record-leave")
                        .type("STEP").subType("Step").action("SUCCEED").payload("{\"id\":7}").build(),
                software.amazon.awssdk.services.lambda.model.OperationUpdate.builder().id("2").type("WAIT")
                        .action("START").waitOptions(o -> o.waitSeconds(60)).build());
        var sdkReason = software.amazon.awssdk.services.lambda.model.ErrorObject.builder().errorType("Withdrawn")
                .errorMessage("the employee withdrew").errorData("{}").stackTrace("a|b|c|1").build();
        return Stream.of(
                call("CheckpointDurableExecution",
                        () -> sdk.checkpointDurableExecution(r -> r.durableExecutionArn(ARN).checkpointToken("t1")
                                .clientToken("same").updates(sdkUpdates)),
                        () -> service.checkpoint(ARN, "t1", updates)),
                call("GetDurableExecutionState",
                        () -> sdk.getDurableExecutionState(r -> r.durableExecutionArn(ARN).checkpointToken("t/1+")
                                .marker("m 2").maxItems(50)),
                        () -> service.getExecutionState(ARN, "t/1+", "m 2", 50)),
                call("Invoke",
                        () -> sdk.invoke(r -> r.functionName(FUNCTION).invocationType(InvocationType.EVENT)
                                .durableExecutionName("leave-1").payload(SdkBytes.fromUtf8String("{\"days\":2}"))),
                        () -> client.start(null, "leave-1", "{\"days\":2}")),
                call("SendDurableExecutionCallbackSuccess",
                        () -> sdk.sendDurableExecutionCallbackSuccess(r -> r.callbackId(CALLBACK)
                                .result(SdkBytes.fromUtf8String("{\"outcome\":\"APPROVED\"}"))),
                        () -> client.succeedCallback(CALLBACK, "{\"outcome\":\"APPROVED\"}")),
                call("SendDurableExecutionCallbackFailure",
                        () -> sdk.sendDurableExecutionCallbackFailure(r -> r.callbackId(CALLBACK).error(sdkReason)),
                        () -> client.failCallback(CALLBACK, REASON)),
                call("SendDurableExecutionCallbackHeartbeat",
                        () -> sdk.sendDurableExecutionCallbackHeartbeat(r -> r.callbackId(CALLBACK)),
                        () -> client.heartbeatCallback(CALLBACK)),
                call("GetDurableExecution",
                        () -> sdk.getDurableExecution(r -> r.durableExecutionArn(ARN).includeExecutionData(true)),
                        () -> client.getExecution(ARN)),
                call("ListDurableExecutionsByFunction",
                        () -> sdk.listDurableExecutionsByFunction(r -> r.functionName("arn:aws:lambda:eu-west-1:"
                                + "123456789012:function:leave").durableExecutionName("leave-1")
                                .statusesWithStrings("RUNNING", "TIMED_OUT").startedAfter(T0).startedBefore(T1)
                                .reverseOrder(true).marker("m1").maxItems(25)),
                        () -> client.listExecutions(null, new ExecutionQuery("leave-1",
                                Set.of(ExecutionStatus.TIMED_OUT, ExecutionStatus.RUNNING), T0, T1, true, "m1", 25))),
                call("StopDurableExecution",
                        () -> sdk.stopDurableExecution(r -> r.durableExecutionArn(ARN).error(sdkReason)),
                        () -> client.stopExecution(ARN, REASON)),
                call("StopDurableExecution without a reason",
                        () -> sdk.stopDurableExecution(r -> r.durableExecutionArn(ARN)),
                        () -> client.stopExecution(ARN, null)),
                call("SendDurableExecutionCallbackSuccess without a result",
                        () -> sdk.sendDurableExecutionCallbackSuccess(r -> r.callbackId(CALLBACK)),
                        () -> client.succeedCallback(CALLBACK, null)),
                call("GetDurableExecutionHistory",
                        () -> sdk.getDurableExecutionHistory(r -> r.durableExecutionArn(ARN).includeExecutionData(true)
                                .marker("7").maxItems(100)),
                        () -> client.getHistory(ARN, "7", 100)));
    }

    private static Arguments call(String api, Runnable bySdk, Runnable byOurs) {
        return Arguments.of(api, bySdk, byOurs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void oursSendsWhatTheSdkSends(String api, Runnable bySdk, Runnable byOurs) throws Exception {
        LoggedRequest expected = sent(bySdk);
        LoggedRequest actual = sent(byOurs);

        assertEquals(expected.getMethod(), actual.getMethod(), api + ": method");
        assertEquals(path(expected), path(actual), api + ": path");
        assertEquals(query(expected), query(actual), api + ": query");
        assertEquals(contentType(expected), contentType(actual), api + ": content type");
        assertEquals(body(expected), body(actual), api + ": body");
        for (LoggedRequest request : List.of(expected, actual)) {
            assertTrue(request.getHeader("Authorization").matches("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/"
                    + "eu-west-1/lambda/aws4_request, SignedHeaders=\\S+, Signature=[0-9a-f]{64}"), request.getHeader("Authorization"));
        }
        for (String header : List.of("X-Amz-Invocation-Type", "X-Amz-Durable-Execution-Name")) {
            assertEquals(expected.getHeader(header), actual.getHeader(header), api + ": " + header);
        }
    }

    private static LoggedRequest sent(Runnable call) {
        aws.resetRequests();
        call.run();
        List<LoggedRequest> requests = aws.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertEquals(1, requests.size(), "one request per call");
        return requests.get(0);
    }

    /**
     * The content type the caller chose: HttpURLConnection (under the SDK's url-connection client) adds a form
     * content type of its own to a POST with an empty body, which no caller asked for.
     */
    private static String contentType(LoggedRequest request) {
        String type = request.getHeader("Content-Type");
        boolean empty = request.getBody() == null || request.getBody().length == 0;
        return empty && "application/x-www-form-urlencoded".equals(type) ? null : type;
    }

    private static String path(LoggedRequest request) {
        String url = request.getUrl();
        return url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    }

    /** Raw {@code name=value} pairs, sorted: the order of parameters does not matter to the service. */
    private static List<String> query(LoggedRequest request) {
        String url = request.getUrl();
        return url.contains("?") ? Arrays.stream(url.substring(url.indexOf('?') + 1).split("&")).sorted().toList() : List.of();
    }

    /** JSON bodies as trees (member order does not matter), with the checkpoint's ClientToken blanked. */
    private static Object body(LoggedRequest request) {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            return "";
        }
        try {
            JsonNode tree = WireJson.REST.readTree(body);
            if (tree.isObject() && tree.has("ClientToken")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("ClientToken", "*");
            }
            return tree;
        } catch (java.io.IOException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
