package io.leavebot.aws;

import static io.leavebot.LeaveBotNames.ADDRESS_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.AWAY_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.FEED_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.FEED_TOKEN_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.LEDGER_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.SLACK_CHANNEL;
import static io.leavebot.LeaveBotNames.TEAMS_CHANNEL;
import static io.leavebot.LeaveBotNames.WAITING_KEY_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

/**
 * What the CDK stack lets each function do to the leave table ({@code infra}'s {@code LeaveTable}, whose template
 * {@code LeaveBotPermissionsTest} checks statement by statement): {@code GetItem} and {@code Query} on any key, and
 * a {@code Scan} by the workflow only, and the writes below, each on partition keys starting with one of the prefixes ({@code dynamodb:LeadingKeys}; the empty
 * prefix is any key). Change one side and the other must follow: a call this does not allow is an AccessDenied on AWS.
 */
final class TableGrants {
    private static final List<String> ANY_KEY = List.of("");
    private static final List<String> READS = List.of("dynamodb:GetItem", "dynamodb:Query");
    /** Only the workflow scans: the open-leave index's backfill, once per table. */
    private static final String SCAN = "dynamodb:Scan";
    private static final Map<String, List<String>> FRONT_END = Map.of(
            "dynamodb:PutItem", List.of(AWAY_KEY_PREFIX, ADDRESS_KEY_PREFIX + SLACK_CHANNEL + "#", FEED_KEY_PREFIX, FEED_TOKEN_KEY_PREFIX),
            "dynamodb:DeleteItem", List.of(AWAY_KEY_PREFIX, FEED_TOKEN_KEY_PREFIX));
    private static final Map<String, Map<String, List<String>>> WRITES = Map.of(
            AwsFunctions.WORKFLOW, Map.of("dynamodb:PutItem", ANY_KEY, "dynamodb:UpdateItem", ANY_KEY,
                    "dynamodb:DeleteItem", List.of(WAITING_KEY_PREFIX, LEDGER_KEY_PREFIX)),
            AwsFunctions.API, Map.of(
                    "dynamodb:PutItem", List.of(AWAY_KEY_PREFIX, ADDRESS_KEY_PREFIX + SLACK_CHANNEL + "#", LEDGER_KEY_PREFIX),
                    "dynamodb:UpdateItem", List.of(LEDGER_KEY_PREFIX),
                    "dynamodb:DeleteItem", List.of(AWAY_KEY_PREFIX)),
            AwsFunctions.SLACK, FRONT_END,
            AwsFunctions.TEAMS, Map.of(
                    "dynamodb:PutItem", List.of(AWAY_KEY_PREFIX, ADDRESS_KEY_PREFIX + SLACK_CHANNEL + "#",
                            ADDRESS_KEY_PREFIX + TEAMS_CHANNEL + "#", FEED_KEY_PREFIX, FEED_TOKEN_KEY_PREFIX),
                    "dynamodb:DeleteItem", List.of(AWAY_KEY_PREFIX, FEED_TOKEN_KEY_PREFIX)));

    private TableGrants() {
    }

    /** Every DynamoDB call {@code function} made in this test is one the stack grants it. */
    static void assertGranted(AwsFunctions aws, String function) {
        List<TableCalls.Call> calls = aws.tableCalls(function);
        assertTrue(!calls.isEmpty(), function + " made no DynamoDB call: is it on its recording proxy?");
        List<TableCalls.Call> refused = calls.stream().filter(call -> !granted(function, call)).toList();
        assertEquals(List.of(), refused, function + " made calls the stack does not grant it");
    }

    /** {@code function} made {@code action} on a partition key starting with {@code prefix} in this test. */
    static void assertMade(AwsFunctions aws, String function, String action, String prefix) {
        assertMadeSince(aws, 0, function, action, prefix);
    }

    /**
     * As {@link #assertMade}, among the calls after the first {@code since} ({@link #made}): what one step of a test
     * made, when an earlier step made the same calls.
     */
    static void assertMadeSince(AwsFunctions aws, int since, String function, String action, String prefix) {
        List<TableCalls.Call> calls = aws.tableCalls(function);
        assertTrue(calls.subList(Math.min(since, calls.size()), calls.size()).stream().anyMatch(call ->
                call.action().equals(action) && call.partitionKey() != null && call.partitionKey().startsWith(prefix)),
                function + " made no " + action + " on " + prefix + "… after its first " + since + " calls: " + calls);
    }

    /** {@code function} scanned the table in this test (the open-leave index's backfill, when it started). */
    static void assertScanned(AwsFunctions aws, String function) {
        assertTrue(aws.tableCalls(function).stream().anyMatch(call -> call.action().equals(SCAN)),
                function + " made no " + SCAN + ": " + aws.tableCalls(function));
    }

    /** How many DynamoDB calls {@code function} made so far in this test. */
    static int made(AwsFunctions aws, String function) {
        return aws.tableCalls(function).size();
    }

    private static boolean granted(String function, TableCalls.Call call) {
        if (READS.contains(call.action())) {
            return true;
        }
        if (call.action().equals(SCAN)) {
            return function.equals(AwsFunctions.WORKFLOW);
        }
        List<String> prefixes = WRITES.get(function).getOrDefault(call.action(), List.of());
        return call.partitionKey() != null && prefixes.stream().anyMatch(call.partitionKey()::startsWith);
    }
}
