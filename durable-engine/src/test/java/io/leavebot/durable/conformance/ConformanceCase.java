package io.leavebot.durable.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One requirement file of the AWS conformance suite, as the harness needs it. Format: the suite's README and
 * {@code durable-protocol.md} section 5.1.
 *
 * @param id               the file name without {@code .yaml}, e.g. {@code 4-11}
 * @param variables        {@code Variables}: name → spec such as {@code ${GEN_STR:10}}, in file order
 * @param input            {@code Input}, unsubstituted; a JSON null when absent
 * @param expectedResult   {@code ExpectedResult}; empty for history-only cases
 * @param expectedHistory  {@code ExpectedExecutionHistory}, one object per event
 */
record ConformanceCase(
        String id,
        String description,
        Path file,
        Map<String, String> variables,
        JsonNode input,
        Optional<ExpectedResult> expectedResult,
        List<CallbackAction> callbackActions,
        List<JsonNode> expectedHistory) {

    ConformanceCase {
        variables = Map.copyOf(variables);
        callbackActions = List.copyOf(callbackActions);
        expectedHistory = List.copyOf(expectedHistory);
    }

    /** A case without an expected status only checks the history once nothing more can happen. */
    boolean historyOnly() {
        return expectedResult.map(r -> r.status() == null).orElse(true);
    }

    String displayName() {
        return id + " " + description;
    }

    /**
     * {@code ExpectedResult}. The result is compared only when the status is SUCCEEDED and the file has a
     * {@code Result} key ({@code Result:} with no value expects a null result).
     */
    record ExpectedResult(String status, boolean hasResult, JsonNode result) {
    }
}
