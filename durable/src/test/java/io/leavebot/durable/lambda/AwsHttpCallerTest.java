package io.leavebot.durable.lambda;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.leavebot.durable.execution.WireJson;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AwsHttpCaller} against WireMock answering in the shapes AWS's JSON APIs answer with. */
class AwsHttpCallerTest {
    static final AwsCredentials KEY = AwsCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    WireMockServer aws;
    AwsHttpCaller caller;

    @BeforeEach
    void start() {
        aws = new WireMockServer(options().dynamicPort());
        aws.start();
        caller = caller(URI.create(aws.baseUrl()), KEY);
    }

    @AfterEach
    void stop() {
        aws.stop();
    }

    static AwsHttpCaller caller(URI endpoint, AwsCredentials credentials) {
        return AwsHttpCaller.builder("lambda", "eu-west-1").endpoint(endpoint).credentials(credentials)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
    }

    @Test
    void theEnvironmentsEndpointForTheServiceComesBeforeTheGeneralOneAndTheRegionsAsForTheSdk() {
        var both = java.util.Map.of("AWS_ENDPOINT_URL_SECRETS_MANAGER", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9000");

        assertEquals(java.net.URI.create("http://127.0.0.1:4566"), AwsHttpCaller.builder("secretsmanager", "eu-west-1")
                .serviceId("Secrets Manager").environment(both).build().endpoint());
        assertEquals(java.net.URI.create("http://127.0.0.1:9000"), AwsHttpCaller.builder("lambda", "eu-west-1")
                .environment(both).build().endpoint());
        assertEquals(java.net.URI.create("https://lambda.eu-west-1.amazonaws.com"), AwsHttpCaller.builder("lambda", "eu-west-1")
                .environment(java.util.Map.of()).build().endpoint());
        assertEquals(java.net.URI.create("http://127.0.0.1:8005"), AwsHttpCaller.builder("ses", "eu-west-1").endpointPrefix("email")
                .serviceId("SESv2").environment(java.util.Map.of("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:8005")).build().endpoint());
    }

    @Test
    void signsForTheServiceAndRegionAndSendsTheBodyAsGiven() {
        aws.stubFor(any(anyUrl()).willReturn(okJson("{\"CheckpointToken\":\"t2\"}")));

        JsonNode answer = caller.callJson(AwsRequest.post("/2025-12-01/durable-executions/" + AwsRequest.segment("arn:a/b")
                + "/checkpoint", "application/json", AwsRequest.utf8("{\"CheckpointToken\":\"t1\"}")), WireJson.REST, JsonNode.class);

        assertEquals("t2", answer.get("CheckpointToken").asText());
        aws.verify(anyRequestedFor(urlEqualTo("/2025-12-01/durable-executions/arn%3Aa%2Fb/checkpoint"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/eu-west-1/lambda/aws4_request, "
                        + "SignedHeaders=[^,]*host[^,]*x-amz-date[^,]*, Signature=[0-9a-f]{64}"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalTo("{\"CheckpointToken\":\"t1\"}")));
    }

    @Test
    void sendsQueryParametersAndTheSessionToken() {
        aws.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        var session = new AwsCredentials("ASIAEXAMPLE", "secret", "token-1");

        caller(URI.create(aws.baseUrl()), session).call(AwsRequest.get("/x").withQuery("Marker", "a b+c")
                .withQuery("Statuses", "RUNNING").withQuery("Statuses", "FAILED").withQuery("MaxItems", null));

        aws.verify(anyRequestedFor(urlEqualTo("/x?Marker=a%20b%2Bc&Statuses=RUNNING&Statuses=FAILED"))
                .withHeader("X-Amz-Security-Token", equalTo("token-1")));
    }

    @Test
    void refusalCarriesStatusErrorCodeAndMessage() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
                .withHeader("X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/")
                .withHeader("x-amzn-RequestId", "req-1")
                .withBody("{\"Type\":\"User\",\"message\":\"Function not found: arn:x\"}")));

        var e = assertThrows(AwsApiException.class, () -> caller.call(AwsRequest.get("/y")));

        assertEquals(404, e.status());
        assertEquals("ResourceNotFoundException", e.errorCode());
        assertEquals("Function not found: arn:x", e.getMessage());
        assertEquals("req-1", e.requestId());
        assertFalse(e.isRetryable());
        assertEquals(1, aws.getAllServeEvents().size(), "a refusal is not retried");
    }

    @Test
    void errorCodeMayComeFromTheBodysType() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withBody("{\"__type\":\"com.amazonaws.secretsmanager#ResourceNotFoundException\",\"Message\":\"no such secret\"}")));

        var e = assertThrows(AwsApiException.class, () -> caller.call(AwsRequest.post("/", "application/x-amz-json-1.1",
                AwsRequest.utf8("{}")).withHeader("X-Amz-Target", "secretsmanager.GetSecretValue")));

        assertEquals("ResourceNotFoundException", e.errorCode());
        assertEquals("no such secret", e.getMessage());
    }

    @Test
    void throttlingAndFaultsAreRetriedUntilTheyPass() {
        aws.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("X-Amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("fault"));
        aws.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs("fault")
                .willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")).willSetStateTo("fine"));
        aws.stubFor(any(anyUrl()).inScenario("flaky").whenScenarioStateIs("fine").willReturn(okJson("{\"ok\":true}")));

        AwsResponse response = caller.call(AwsRequest.get("/z"));

        assertEquals("{\"ok\":true}", response.bodyText());
        assertEquals(3, aws.getAllServeEvents().size());
    }

    @Test
    void givesUpAfterThreeAttemptsWithTheLastAnswer() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withHeader("X-Amzn-ErrorType", "ServiceException")
                .withBody("{\"message\":\"internal\"}")));

        var e = assertThrows(AwsApiException.class, () -> caller.call(AwsRequest.get("/z")));

        assertEquals(500, e.status());
        assertTrue(e.isRetryable());
        assertEquals(3, aws.getAllServeEvents().size());
    }

    @Test
    void brokenConnectionsAreRetriedThenReportedAsUnreachable() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // a POST: java.net.http itself re-sends an idempotent GET once on a reset connection, doubling the count
        var e = assertThrows(UncheckedIOException.class,
                () -> caller.call(AwsRequest.post("/z", "application/json", AwsRequest.utf8("{}"))));

        assertTrue(e.getMessage().startsWith("lambda at " + aws.baseUrl() + " did not answer POST /z (3 attempts)"), e.getMessage());
        assertEquals(3, aws.getAllServeEvents().size());
    }

    @Test
    void nobodyListeningIsUnreachable() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var offline = AwsHttpCaller.builder("lambda", "eu-west-1").endpoint(URI.create("http://127.0.0.1:" + closedPort))
                .credentials(KEY).maxAttempts(1).build();

        assertThrows(UncheckedIOException.class, () -> offline.call(AwsRequest.get("/z")));
    }

    @Test
    void emptyAnswerReadsAsNull() {
        aws.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));

        assertNull(caller.callJson(AwsRequest.post("/i", null, null), WireJson.REST, JsonNode.class));
    }

    @Test
    void defaultEndpointIsTheServiceInTheRegionsPartition() {
        assertEquals(URI.create("https://lambda.eu-west-1.amazonaws.com"),
                AwsHttpCaller.builder("lambda", "eu-west-1").credentials(KEY).build().endpoint());
        assertEquals(URI.create("https://lambda.cn-north-1.amazonaws.com.cn"),
                AwsHttpCaller.builder("lambda", "cn-north-1").credentials(KEY).build().endpoint());
    }

    @Test
    void aServiceServedUnderAnotherNameHasItsEndpointPrefix() {
        assertEquals(URI.create("https://email.eu-west-1.amazonaws.com"),
                AwsHttpCaller.builder("ses", "eu-west-1").endpointPrefix("email").credentials(KEY).build().endpoint());
    }

    @Test
    void withoutCredentialsGivenItSignsWithTheKeyLambdaPutsInTheEnvironment() {
        aws.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        var environment = java.util.Map.of("AWS_ACCESS_KEY_ID", "ASIAROLE", "AWS_SECRET_ACCESS_KEY", "role-secret",
                "AWS_SESSION_TOKEN", "role-token");

        AwsHttpCaller.builder("lambda", "eu-west-1").endpoint(URI.create(aws.baseUrl())).environment(environment)
                .build().call(AwsRequest.get("/x"));

        aws.verify(anyRequestedFor(urlEqualTo("/x"))
                .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=ASIAROLE/\\d{8}/eu-west-1/lambda/aws4_request, .*"))
                .withHeader("X-Amz-Security-Token", equalTo("role-token")));
    }

    @Test
    void withNoKeyInTheEnvironmentTheCallFailsNamingTheVariablesAndSendsNothing() {
        var caller = AwsHttpCaller.builder("lambda", "eu-west-1").endpoint(URI.create(aws.baseUrl()))
                .environment(java.util.Map.of("AWS_ACCESS_KEY_ID", "ASIAROLE")).build();

        var e = assertThrows(AwsCredentials.MissingException.class, () -> caller.call(AwsRequest.get("/x")));

        assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), e.getMessage());
        assertEquals(0, aws.getAllServeEvents().size());
    }

    @Test
    void credentialsShowTheirKeyIdOnly() {
        String shown = new AwsCredentials("ASIAROLE", "role-secret", "role-token").toString();

        assertTrue(shown.contains("ASIAROLE"), shown);
        assertFalse(shown.contains("role-secret") || shown.contains("role-token"), shown);
    }
}
