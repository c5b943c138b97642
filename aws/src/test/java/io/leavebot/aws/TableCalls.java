package io.leavebot.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.leavebot.LeaveBotNames;
import java.net.URI;
import java.util.Comparator;
import java.util.List;

/**
 * One function's way to DynamoDB: a WireMock proxy in front of dynalite that keeps every call the function made,
 * as IAM sees it (the action, and the partition key of the item or of the query: {@code dynamodb:LeadingKeys}).
 * The function signs its requests for the proxy's host, which dynalite does not check.
 */
final class TableCalls implements AutoCloseable {
    /** One call: {@code dynamodb:PutItem} on {@code AWAY#…}, or {@code dynamodb:Query} of an index ({@code index} not null). */
    record Call(String action, String partitionKey, String index) {
        @Override
        public String toString() {
            return action + " " + partitionKey + (index == null ? "" : " (index " + index + ")");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer proxy = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
            .preserveHostHeader(true));

    TableCalls(URI dynalite) {
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(dynalite.toString())));
    }

    URI endpoint() {
        return URI.create(proxy.baseUrl());
    }

    /** Every call so far, oldest first. */
    List<Call> calls() {
        return proxy.getAllServeEvents().stream()
                .sorted(Comparator.comparing(event -> event.getRequest().getLoggedDate()))
                .map(TableCalls::call).toList();
    }

    private static Call call(ServeEvent event) {
        String target = event.getRequest().getHeader("X-Amz-Target");
        String action = "dynamodb:" + target.substring(target.indexOf('.') + 1);
        try {
            JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
            JsonNode key = body.has("Item") ? body.get("Item") : body.has("Key") ? body.get("Key") : null;
            String partitionKey = key != null ? key.path(LeaveBotNames.PARTITION_KEY).path("S").asText(null)
                    : body.path("ExpressionAttributeValues").path(":pk").path("S").asText(null);
            return new Call(action, partitionKey, body.path("IndexName").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a DynamoDB request: " + event.getRequest(), e);
        }
    }

    @Override
    public void close() {
        proxy.stop();
    }
}
