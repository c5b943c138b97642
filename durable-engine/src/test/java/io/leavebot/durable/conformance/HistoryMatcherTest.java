package io.leavebot.durable.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HistoryMatcherTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Placeholders placeholders = new Placeholders(new Random(7));
    private final HistoryMatcher matcher = new HistoryMatcher(placeholders);

    @Test
    void listedKeysMatchAndUnlistedKeysAndEventsAreIgnored() {
        var expected = events("""
                - {EventId: 2, EventType: StepStarted, SubType: Step}
                """);
        var actual = events("""
                - {EventId: 1, EventType: ExecutionStarted}
                - {EventId: 2, EventType: StepStarted, SubType: Step, Id: abc, EventTimestamp: 17, StepStartedDetails: {}}
                - {EventId: 3, EventType: StepSucceeded}
                """);
        assertEquals(List.of(), matcher.match(expected, actual));
    }

    @Test
    void eventsAreJoinedByEventIdNotByPosition() {
        var expected = events("- {EventId: 3, EventType: StepSucceeded}");
        var actual = events("""
                - {EventId: 3, EventType: StepSucceeded}
                - {EventId: 2, EventType: StepStarted}
                """);
        assertEquals(List.of(), matcher.match(expected, actual));
    }

    @Test
    void aMissingEventIdFails() {
        var mismatches = matcher.match(events("- {EventId: 9, EventType: InvocationCompleted}"),
                events("- {EventId: 2, EventType: InvocationCompleted}"));
        assertEquals(1, mismatches.size());
        assertEquals(List.of("no actual event with EventId 9"), mismatches.get(0).problems());
    }

    @Test
    void aDifferentLiteralFailsWithItsPathAndBothEvents() {
        var mismatches = matcher.match(events("- {EventId: 4, EventType: WaitStarted, WaitStartedDetails: {Duration: 2}}"),
                events("- {EventId: 4, EventType: WaitStarted, WaitStartedDetails: {Duration: 3, ScheduledEndTimestamp: 5}}"));
        assertEquals(List.of("Event[EventId=4].WaitStartedDetails.Duration: expected 2, got 3"), mismatches.get(0).problems());
        String description = mismatches.get(0).describe();
        assertTrue(description.contains("expected event: {\"EventId\":4"), description);
        assertTrue(description.contains("actual event:   {\"EventId\":4"), description);
        assertTrue(description.contains("\"Duration\":3"), description);
    }

    @Test
    void anExpectedKeyMustBePresentEvenWhenItsValueIsDontCareOrWildcard() {
        assertEquals(List.of("v.StepStartedDetails: key missing in actual event"),
                match("{StepStartedDetails: {}}", "{EventType: StepStarted}"));
        assertEquals(List.of("v.Name: key missing in actual event"), match("{Name: '*'}", "{EventType: StepStarted}"));
    }

    @Test
    void emptyObjectAndWildcardAcceptAnyValue() {
        assertEquals(List.of(), match("{Details: {}, Name: '*'}", "{Details: [1, 2], Name: {deep: true}}"));
        assertEquals(List.of(), match("'*'", "null"));
    }

    @Test
    void aNonEmptyExpectedObjectIsComparedKeyByKeyAndFailsAgainstAScalar() {
        assertEquals(List.of(), match("{Error: {Payload: {ErrorType: RejectedError}}}",
                "{Error: {Payload: {ErrorType: RejectedError, ErrorMessage: no}, Truncated: false}}"));
        assertEquals(List.of("v.Error: expected {\"Payload\":{}}, got \"oops\""), match("{Error: {Payload: {}}}", "{Error: oops}"));
    }

    @Test
    void aPlaceholderBindsOnFirstUseAndMustMatchAfterwards() {
        var expected = events("""
                - {EventId: 2, Id: '${ID1}'}
                - {EventId: 3, Id: '${ID1}'}
                - {EventId: 4, Id: '${ID2}'}
                """);
        assertEquals(List.of(), matcher.match(expected, events("""
                - {EventId: 2, Id: a}
                - {EventId: 3, Id: a}
                - {EventId: 4, Id: b}
                """)));
        assertEquals(TextNode.valueOf("a"), placeholders.get("ID1").orElseThrow());
    }

    @Test
    void aPlaceholderBoundToOneValueRejectsAnother() {
        var mismatches = matcher.match(events("""
                - {EventId: 2, Id: '${ID1}'}
                - {EventId: 3, Id: '${ID1}'}
                """), events("""
                - {EventId: 2, Id: a}
                - {EventId: 3, Id: b}
                """));
        assertEquals(List.of("Event[EventId=3].Id: placeholder ${ID1} was bound to \"a\", but got \"b\""),
                mismatches.get(0).problems());
    }

    @Test
    void variablesArePlaceholdersBoundBeforeMatching() {
        placeholders.bind("CB_NAME", TextNode.valueOf("x1"));
        assertEquals(List.of(), match("{Name: '${CB_NAME}'}", "{Name: x1}"));
        assertEquals(List.of("v.Name: placeholder ${CB_NAME} was bound to \"x1\", but got \"x2\""),
                match("{Name: '${CB_NAME}'}", "{Name: x2}"));
    }

    @Test
    void knownPlaceholdersAreSubstitutedInsideLiteralStrings() {
        placeholders.bind("CB_PAYLOAD", TextNode.valueOf("abc"));
        assertEquals(List.of(), match("{Payload: '\"${CB_PAYLOAD}\"'}", "{Payload: '\"abc\"'}"));
        assertEquals(List.of("v.Payload: expected \"\\\"abc\\\"\", got \"abc\""), match("{Payload: '\"${CB_PAYLOAD}\"'}", "{Payload: abc}"));
    }

    @Test
    void aRegexIsSearchedInTheValuesText() {
        assertEquals(List.of(), match("{Delay: '${/^[0-5]$/}'}", "{Delay: 4}"));
        assertEquals(List.of(), match("{Delay: '${/^([0-9]|10)$/}'}", "{Delay: 10}"));
        assertEquals(List.of(), match("{Message: '${/timed.out/}'}", "{Message: callback timed out}"));
        assertEquals(List.of("v.Delay: value 6 does not match regex /^[0-5]$/"), match("{Delay: '${/^[0-5]$/}'}", "{Delay: 6}"));
    }

    @Test
    void listsMustHaveTheSameLength() {
        assertEquals(List.of(), match("[a, '*']", "[a, b]"));
        assertEquals(List.of("v: list length mismatch (expected 2, got 3)"), match("[a, '*']", "[a, b, c]"));
        assertEquals(List.of("v[1]: expected \"b\", got \"c\""), match("[a, b]", "[a, c]"));
    }

    @Test
    void numbersCompareByValueButNotWithText() {
        assertEquals(List.of(), match("{Duration: 2}", "{Duration: 2.0}"));
        assertEquals(List.of("v.Duration: expected 2, got \"2\""), match("{Duration: 2}", "{Duration: '2'}"));
    }

    @Test
    void aWaitForCallbackContextsNameIsInheritedByChildrenWithoutOne() {
        var actual = events("""
                - {EventId: 2, EventType: ContextStarted, SubType: WaitForCallback, Id: ctx, Name: approval}
                - {EventId: 3, EventType: CallbackStarted, SubType: Callback, Id: cb, ParentId: ctx}
                - {EventId: 4, EventType: StepStarted, SubType: Step, Id: st, ParentId: ctx, Name: own}
                - {EventId: 5, EventType: StepStarted, SubType: Step, Id: other, ParentId: elsewhere}
                """);
        var expected = events("""
                - {EventId: 3, Name: approval}
                - {EventId: 4, Name: own}
                """);
        assertEquals(List.of(), matcher.match(expected, actual));
        assertEquals(List.of("Event[EventId=5].Name: key missing in actual event"),
                matcher.match(events("- {EventId: 5, Name: approval}"), actual).get(0).problems());
    }

    @Test
    void everyFailingEventIsReported() {
        var mismatches = matcher.match(events("""
                - {EventId: 2, EventType: StepStarted}
                - {EventId: 3, EventType: StepSucceeded}
                - {EventId: 4, EventType: InvocationCompleted}
                """), events("""
                - {EventId: 2, EventType: StepStarted}
                - {EventId: 3, EventType: StepFailed}
                """));
        assertEquals(List.of(3L, 4L), mismatches.stream().map(HistoryMatcher.Mismatch::eventId).toList());
    }

    @Test
    void theResultIsDecodedOnceAndComparedWithoutWildcards() {
        var expected = new ConformanceCase.ExpectedResult("SUCCEEDED", true, yaml("{completedWaits: 2}"));
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(expected, "SUCCEEDED", "{\"completedWaits\":2}", placeholders));
        assertTrue(ResultMatcher.check(expected, "SUCCEEDED", "\"{\\\"completedWaits\\\":2}\"", placeholders).isPresent(),
                "a JSON string holding JSON is decoded once only");
        var wildcard = new ConformanceCase.ExpectedResult("SUCCEEDED", true, TextNode.valueOf("*"));
        assertTrue(ResultMatcher.check(wildcard, "SUCCEEDED", "\"anything\"", placeholders).isPresent());
    }

    @Test
    void theResultIsOnlyComparedForSucceededExecutionsThatExpectOne() {
        var failed = new ConformanceCase.ExpectedResult("FAILED", false, null);
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(failed, "FAILED", null, placeholders));
        assertEquals(java.util.Optional.of("expected ExecutionStatus FAILED, got SUCCEEDED"),
                ResultMatcher.check(failed, "SUCCEEDED", "1", placeholders));
        var nullResult = new ConformanceCase.ExpectedResult("SUCCEEDED", true, yaml("null"));
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(nullResult, "SUCCEEDED", null, placeholders));
        assertTrue(ResultMatcher.check(nullResult, "SUCCEEDED", "\"\"", placeholders).isPresent());
        var noResult = new ConformanceCase.ExpectedResult("SUCCEEDED", false, null);
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(noResult, "SUCCEEDED", "\"x\"", placeholders));
    }

    @Test
    void textThatIsNotJsonIsComparedAsText() {
        placeholders.withVariables(Map.of("INPUT_1", "Ann"));
        var expected = new ConformanceCase.ExpectedResult("SUCCEEDED", true, TextNode.valueOf("Hello, ${INPUT_1}!"));
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(expected, "SUCCEEDED", "Hello, Ann!", placeholders));
        assertEquals(java.util.Optional.empty(), ResultMatcher.check(expected, "SUCCEEDED", "\"Hello, Ann!\"", placeholders));
    }

    private List<String> match(String expected, String actual) {
        return matcher.matchValue(yaml(expected), yaml(actual), "v");
    }

    private static List<JsonNode> events(String yamlList) {
        var events = new ArrayList<JsonNode>();
        yaml(yamlList).forEach(events::add);
        return events;
    }

    private static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
