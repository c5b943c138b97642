package io.leavebot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;

/**
 * AWS Secrets Manager's {@code GetSecretValue} played by WireMock on a free loopback port: Secrets Manager cannot run
 * here, so this replays the service's real wire shapes (JSON 1.1: {@code POST /} with
 * {@code X-Amz-Target: secretsmanager.GetSecretValue}; the answer's {@code ARN}, {@code Name}, {@code VersionId},
 * {@code SecretString}, {@code VersionStages}, {@code CreatedDate}; {@code ResourceNotFoundException} for any other
 * secret). Point an SDK client at {@link #endpoint()}; {@link #reads()} counts the calls. Close it to stop.
 */
public final class SecretsManagerStub implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "secretsmanager.GetSecretValue";
    private static final String JSON_1_1 = "application/x-amz-json-1.1";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    public SecretsManagerStub() {
        server.start();
        // lowest priority: any secret not stubbed is unknown, as Secrets Manager answers it
        server.stubFor(post(urlEqualTo("/")).atPriority(10).withHeader("X-Amz-Target", equalTo(TARGET))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON_1_1)
                        .withBody("{\"__type\":\"ResourceNotFoundException\","
                                + "\"Message\":\"Secrets Manager can't find the specified secret.\"}")));
    }

    /** {@code secretArn}'s current value is {@code secretString}. */
    public SecretsManagerStub secret(String secretArn, String secretString) {
        return answer(secretArn, answer -> answer.put("SecretString", secretString));
    }

    /** {@code secretArn}'s current value is binary ({@code SecretBinary}, base64 on the wire), with no text. */
    public SecretsManagerStub binarySecret(String secretArn, byte[] secretBinary) {
        return answer(secretArn, answer -> answer.put("SecretBinary", secretBinary));
    }

    private SecretsManagerStub answer(String secretArn, Consumer<ObjectNode> value) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("ARN", secretArn);
        answer.put("Name", secretArn.substring(secretArn.lastIndexOf(':') + 1));
        answer.put("VersionId", "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111");
        value.accept(answer);
        answer.putArray("VersionStages").add("AWSCURRENT");
        answer.put("CreatedDate", 1.767601800123E9);
        server.stubFor(post(urlEqualTo("/")).atPriority(1).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.SecretId", equalTo(secretArn)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", JSON_1_1).withBody(answer.toString())));
        return this;
    }

    public URI endpoint() {
        return URI.create(server.baseUrl());
    }

    /** How many times {@code GetSecretValue} was called. */
    public int reads() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET)).build()).getCount();
    }

    /** Every {@code GetSecretValue} call as it arrived, oldest first. */
    public List<LoggedRequest> calls() {
        return server.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
