package io.leavebot.durable.conformance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leavebot.durable.conformance.ConformanceCase.ExpectedResult;
import java.util.Optional;

/**
 * Checks {@code ExpectedResult} as the suite's runner does: the status first; the result only when the
 * execution SUCCEEDED and the case names a {@code Result}. The actual result text is JSON-decoded once (text
 * that is not JSON is compared as it is) and compared for equality with the expected value, after substituting
 * known placeholders into it. No wildcards apply here.
 */
final class ResultMatcher {
    private ResultMatcher() {
    }

    /** @return what differed, or empty */
    static Optional<String> check(ExpectedResult expected, String actualStatus, String actualResult, Placeholders placeholders) {
        if (expected.status() != null && !expected.status().equals(actualStatus)) {
            return Optional.of("expected ExecutionStatus " + expected.status() + ", got " + actualStatus);
        }
        if (!"SUCCEEDED".equals(actualStatus) || !expected.hasResult()) {
            return Optional.empty();
        }
        JsonNode wanted = placeholders.substitute(expected.result());
        JsonNode actual = decodeOnce(actualResult);
        if (!SuiteJson.pythonEquals(wanted, actual)) {
            return Optional.of("expected Result " + SuiteJson.text(wanted) + ", got " + SuiteJson.text(actual)
                    + " (decoded from " + (actualResult == null ? "no result" : SuiteJson.dumps(TextNode.valueOf(actualResult))) + ")");
        }
        return Optional.empty();
    }

    static JsonNode decodeOnce(String text) {
        if (text == null) {
            return NullNode.instance;
        }
        try {
            JsonNode decoded = SuiteJson.MAPPER.readTree(text);
            return decoded.isMissingNode() ? TextNode.valueOf(text) : decoded;
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }
}
