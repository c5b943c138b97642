package io.leavebot.leave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApproverRoutingTest {
    private static final Person BEA = Person.ofEmail("bea@example.com", "Bea Boss");
    private static final Person CLEO = Person.ofEmail("cleo@example.com", "Cleo CEO");

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("routing.json"), json);
    }

    private String problemWith(String json) throws IOException {
        Path file = file(json);
        String message = assertThrows(IllegalArgumentException.class, () -> ApproverRouting.fromFile(file)).getMessage();
        assertTrue(message.contains(file.toAbsolutePath().toString()), message);
        return message;
    }

    @Test
    void theDocumentedExampleRoutesOverridesAndEveryoneElseToTheDefault() throws IOException {
        ApproverRouting routing = ApproverRouting.fromFile(file("""
                {
                  "default":   {"email": "bea@example.com", "slack": "U0BEA", "name": "Bea Boss"},
                  "overrides": {
                    "bea@example.com": {"email": "cleo@example.com", "name": "Cleo CEO"},
                    "U0DAN":           {"slack": "U0BEA", "name": "Bea Boss"}
                  }
                }"""));

        assertEquals(Optional.of(CLEO), routing.approverFor(Person.ofEmail("Bea@Example.com", null), Optional.of("U0BEA")));
        assertEquals(Optional.of(Person.ofChatUser("slack", "U0BEA", "Bea Boss")),
                routing.approverFor(Person.ofChatUser("slack", "U0DAN", null)));
        assertEquals(Optional.of(BEA), routing.approverFor(Person.ofEmail("ann@example.com", "Ann")));
    }

    @Test
    void aSlackIdOverrideMatchesAnEmployeeKnownByEmailWhoseSlackIdItIs() throws IOException {
        ApproverRouting routing = ApproverRouting.fromFile(file("""
                {"default": {"email": "bea@example.com"}, "overrides": {"U0DAN": {"email": "cleo@example.com", "name": "Cleo CEO"}}}"""));

        assertEquals(Optional.of(CLEO), routing.approverFor(Person.ofEmail("dan@example.com", null), Optional.of("U0DAN")));
        assertEquals(Optional.of(Person.ofEmail("bea@example.com", null)), routing.approverFor(Person.ofEmail("dan@example.com", null)));
    }

    @Test
    void anApproverWithOnlyASlackIdIsKnownByItAndOneWithBothByEmailWithTheIdForTheAddressBook() throws IOException {
        ApproverRouting routing = ApproverRouting.fromFile(file("""
                {"default": {"email": "Bea@Example.com", "slack": " U0BEA ", "name": "Bea Boss"},
                 "overrides": {"ann@example.com": {"slack": "U0CLEO", "name": "Cleo"}}}"""));

        assertEquals(Optional.of(BEA), routing.approverFor(Person.ofEmail("dan@example.com", null)));
        Person cleo = routing.approverFor(Person.ofEmail("ann@example.com", null)).orElseThrow();
        assertEquals("slack:U0CLEO", cleo.key());
        assertEquals(Optional.of("U0CLEO"), cleo.chatUserId("slack"));
        assertEquals(Map.of("bea@example.com", "U0BEA"), routing.slackIds());
    }

    @Test
    void anEmailOverrideWinsOverASlackIdOverride() {
        ApproverRouting routing = ApproverRouting.of(null, Map.of("slack:U0ANN", BEA, "ann@example.com", CLEO));

        assertEquals(Optional.of(CLEO), routing.approverFor(Person.ofEmail("ann@example.com", null), Optional.of("U0ANN")));
        assertEquals(Optional.of(BEA), routing.approverFor(Person.ofChatUser("slack", "U0ANN", null)));
    }

    @Test
    void withoutADefaultOnlyListedEmployeesHaveAnApprover() throws IOException {
        ApproverRouting routing = ApproverRouting.fromFile(file("{\"overrides\": {\"ann@example.com\": {\"email\": \"cleo@example.com\"}}}"));

        assertEquals(Optional.empty(), routing.approverFor(Person.ofEmail("dan@example.com", null)));
    }

    @Test
    void aSingleApproverApprovesEveryone() {
        assertEquals(Optional.of(BEA), ApproverRouting.single(BEA).approverFor(Person.ofChatUser("slack", "U0ZED", null)));
    }

    @Test
    void aMissingFileIsNamedWithTheWayOut() throws IOException {
        Path missing = dir.resolve("nowhere.json");

        String message = assertThrows(IllegalArgumentException.class, () -> ApproverRouting.fromFile(missing)).getMessage();

        assertEquals("The approver routing file " + missing.toAbsolutePath() + " cannot be used: the file does not exist "
                + "(create it, or point the setting at the right file).", message);
    }

    @Test
    void brokenJsonIsReportedWithItsLineAndColumn() throws IOException {
        String message = problemWith("{\n  \"default\": {\"email\": \"bea@example.com\",}\n}");

        assertTrue(message.contains("it is not valid JSON"), message);
        assertTrue(message.contains("at line 2, column"), message);
    }

    @Test
    void aMisspelledFieldIsNamed() throws IOException {
        assertTrue(problemWith("{\"default\": {\"email\": \"bea@example.com\"}, \"overides\": {}}")
                .contains("the top level has an unknown field \"overides\"; allowed are autoApprove, default, onTimeout, overrides, teams"));
        assertTrue(problemWith("{\"default\": {\"mail\": \"bea@example.com\"}}")
                .contains("\"default\" has an unknown field \"mail\"; allowed are email, name, slack"));
    }

    @Test
    void anApproverWithoutEmailOrSlackIdIsRefusedNamingTheEntry() throws IOException {
        assertTrue(problemWith("{\"overrides\": {\"ann@example.com\": {\"name\": \"Bea\"}}}")
                .contains("\"overrides\".\"ann@example.com\" needs an \"email\" or a \"slack\" user id"));
    }

    @Test
    void anApproverEmailThatIsNoAddressIsRefused() throws IOException {
        assertTrue(problemWith("{\"default\": {\"email\": \"bea at example\"}}")
                .contains("\"default\" has \"email\": \"bea at example\", which does not look like an e-mail address"));
    }

    @Test
    void anApproverEmailOverTheRfcLimitIsRefused() throws IOException {
        String tooLong = "bea@" + "b".repeat(247) + ".com";
        assertTrue(problemWith("{\"default\": {\"email\": \"" + tooLong + "\"}}")
                .contains("which is 255 characters long, more than the 254 an e-mail address may have"));
    }

    @Test
    void anApproverNamedInASettingMustHaveAnAddress() {
        assertEquals(Person.ofEmail("bea@example.com", null), ApproverRouting.approverOf(" bea@example.com ", null, "LEAVEBOT_APPROVER_EMAIL"));
        var refused = assertThrows(IllegalArgumentException.class,
                () -> ApproverRouting.approverOf("bea at example", "Bea", "LEAVEBOT_APPROVER_EMAIL"));
        assertEquals("The approver routing in LEAVEBOT_APPROVER_EMAIL cannot be used: \"bea at example\" does not look "
                + "like an e-mail address.", refused.getMessage());
    }

    @Test
    void aFileThatNamesNoApproverIsRefused() throws IOException {
        assertTrue(problemWith("{}").contains("it names no approver at all"));
        assertTrue(problemWith("[]").contains("expected a JSON object"));
        assertTrue(problemWith("{\"default\": \"bea@example.com\"}").contains("\"default\" must be an object like"));
    }
}
