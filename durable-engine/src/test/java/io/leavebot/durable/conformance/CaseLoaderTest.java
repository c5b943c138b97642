package io.leavebot.durable.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseLoaderTest {
    @TempDir
    Path dir;

    @Test
    void casesAreOrderedByNumericId() throws IOException {
        for (String id : List.of("1-10", "2-1", "1-2")) {
            write("step/" + id + ".yaml", "description: case " + id + "\nExpectedExecutionHistory: []\n");
        }
        assertEquals(List.of("1-2", "1-10", "2-1"), CaseLoader.loadAll(dir).stream().map(ConformanceCase::id).toList());
    }

    @Test
    void aCaseFileIsReadWithItsVariablesActionsAndExpectations() throws IOException {
        Path file = write("callback/4-5.yaml", """
                ---
                description: Heartbeat then success
                Variables:
                  CB_NAME: ${GEN_STR:10}
                Input: ${CB_NAME}
                ExpectedResult:
                  ExecutionStatus: SUCCEEDED
                CallbackActions:
                  - CallbackName: ${CB_NAME}
                    Operation: heartbeat
                  - CallbackName: '*'
                    Operation: success
                    Payload: {status: approved}
                    Delay: 1.5
                ExpectedExecutionHistory:
                  - EventId: 2
                    EventType: CallbackStarted
                """);
        ConformanceCase c = CaseLoader.load(file);
        assertEquals("4-5 Heartbeat then success", c.displayName());
        assertEquals(Map.of("CB_NAME", "${GEN_STR:10}"), c.variables());
        assertEquals(TextNode.valueOf("${CB_NAME}"), c.input());
        assertEquals("SUCCEEDED", c.expectedResult().orElseThrow().status());
        assertFalse(c.expectedResult().orElseThrow().hasResult());
        assertEquals(List.of(CallbackAction.Operation.HEARTBEAT, CallbackAction.Operation.SUCCESS),
                c.callbackActions().stream().map(CallbackAction::operation).toList());
        assertEquals(Duration.ZERO, c.callbackActions().get(0).delay());
        assertEquals(Duration.ofMillis(1500), c.callbackActions().get(1).delay());
        assertEquals(1, c.expectedHistory().size());
    }

    @Test
    void anEmptyResultKeyExpectsNullAndAMissingExpectedResultMeansHistoryOnly() throws IOException {
        var nullResult = CaseLoader.load(write("step/1-5.yaml", """
                ExpectedResult:
                  ExecutionStatus: SUCCEEDED
                  Result:
                ExpectedExecutionHistory: []
                """));
        assertTrue(nullResult.expectedResult().orElseThrow().hasResult());
        assertTrue(nullResult.expectedResult().orElseThrow().result().isNull());
        assertTrue(nullResult.input().isNull());
        assertFalse(nullResult.historyOnly());
        assertTrue(CaseLoader.load(write("wait/2-4.yaml", "Input:\nExpectedExecutionHistory: []\n")).historyOnly());
    }

    @Test
    void aFileWithoutAnExpectedHistoryIsRejected() throws IOException {
        Path file = write("step/9-9.yaml", "description: broken\n");
        var error = assertThrows(IllegalArgumentException.class, () -> CaseLoader.load(file));
        assertTrue(error.getMessage().contains("ExpectedExecutionHistory"), error.getMessage());
    }

    @Test
    void anUnknownCallbackOperationIsRejected() throws IOException {
        Path file = write("callback/4-99.yaml", """
                CallbackActions:
                  - {CallbackName: '*', Operation: cancel}
                ExpectedExecutionHistory: []
                """);
        assertThrows(IllegalArgumentException.class, () -> CaseLoader.load(file));
    }

    @Test
    void genStrMakesARandomStringOfThatLengthAndOtherVariablesAreSubstituted() {
        var placeholders = new Placeholders(new Random(1)).withVariables(
                new java.util.LinkedHashMap<>(Map.of("NAME", "${GEN_STR:12}")));
        placeholders.withVariables(Map.of("GREETING", "Hello, ${NAME}!"));
        String name = placeholders.get("NAME").orElseThrow().asText();
        assertTrue(name.matches("[A-Za-z0-9]{12}"), name);
        assertEquals("Hello, " + name + "!", placeholders.get("GREETING").orElseThrow().asText());
        assertEquals(TextNode.valueOf("\"" + name + "\" and ${UNKNOWN}"), placeholders.substitute("\"${NAME}\" and ${UNKNOWN}"));
    }

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
