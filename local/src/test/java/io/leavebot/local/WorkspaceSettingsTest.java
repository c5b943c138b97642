package io.leavebot.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.leave.ApprovalStage;
import io.leavebot.leave.Person;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.workspace.Workspace;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the local workspace plays Slack, and the settings that go with it: {@code --fast-clock}, a people file. */
class WorkspaceSettingsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;

    @Test
    void theWorkspacePlaysSlackWhenNoSlackSettingIsSetOnLoopback() throws Exception {
        assertTrue(isOn(Map.of(), LOOPBACK));
        assertFalse(isOn(Map.of("SLACK_BOT_TOKEN", "xoxb-1"), LOOPBACK));
        assertFalse(isOn(Map.of("SLACK_APP_TOKEN", "xapp-1"), LOOPBACK)); // LocalSlack then names the missing bot token
        assertFalse(isOn(Map.of("LEAVEBOT_WORKSPACE", "false"), LOOPBACK));
        assertFalse(isOn(Map.of(), InetAddress.getByName("0.0.0.0")), "anyone reaching the page could act as anyone");
        assertTrue(isOn(Map.of("LEAVEBOT_WORKSPACE", "true"), InetAddress.getByName("0.0.0.0")));
    }

    @Test
    void fastClockIsTheArgumentOrTheSettingAndNeedsTheWorkspace() throws Exception {
        Settings settings = Settings.of(Map.of()).withArguments("--fast-clock");
        try (Workspace workspace = LocalSlack.workspace(settings, dir, null, LOOPBACK).orElseThrow()) {
            assertTrue(workspace.hasFastClock());
        }
        var off = assertThrows(SettingsException.class, () -> LocalSlack.workspace(Settings.of(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "LEAVEBOT_FAST_CLOCK", "true")), dir, null, LOOPBACK));
        assertTrue(off.getMessage().contains("--fast-clock (LEAVEBOT_FAST_CLOCK) is the local workspace's time control"), off.getMessage());
        var unknown = assertThrows(SettingsException.class, () -> Settings.of(Map.of()).withArguments("--fast"));
        assertTrue(unknown.getMessage().contains("unknown argument '--fast'"), unknown.getMessage());
    }

    @Test
    void theWorkspacesPeopleSayWhoApprovesWhomSoARoutingFileCannotApply() throws Exception {
        Path people = Files.writeString(dir.resolve("people.json"), "{\"members\": ["
                + "{\"id\": \"U0ANN\", \"name\": \"Ann\", \"email\": \"ann@example.com\", \"approver\": \"bo@example.com\"},"
                + "{\"id\": \"U0BO\", \"name\": \"Bo\", \"email\": \"bo@example.com\", "
                + "\"approvers\": [\"ann@example.com\", {\"name\": \"HR\", \"any\": [\"hr@example.com\"]}]}],"
                + "\"email_only\": [{\"name\": \"Hal\", \"email\": \"hr@example.com\"}]}");
        Settings settings = Settings.of(Map.of("LEAVEBOT_WORKSPACE_PEOPLE", people.toString()));
        try (Workspace workspace = LocalSlack.workspace(settings, dir, null, LOOPBACK).orElseThrow()) {
            var routing = workspace.routing(Person.ofEmail("manager@example.com", null));
            // the member Bo, whom the workspace finds by e-mail (users.lookupByEmail) as U0BO
            assertEquals(Person.ofEmail("bo@example.com", "Bo"), routing.approverFor(Person.ofEmail("ann@example.com", null)).orElseThrow());
            var bosChain = routing.chainFor(Person.ofEmail("bo@example.com", null)).orElseThrow();
            assertEquals(List.of("Ann", "HR"), bosChain.stages().stream().map(ApprovalStage::label).toList());
        }
        var both = assertThrows(SettingsException.class, () -> LocalSlack.workspace(Settings.of(Map.of("LEAVEBOT_ROUTING_FILE",
                people.toString())), dir, null, LOOPBACK));
        assertTrue(both.getMessage().contains("LEAVEBOT_WORKSPACE=false"), both.getMessage());
    }

    private boolean isOn(Map<String, String> values, InetAddress bind) {
        Optional<Workspace> workspace = LocalSlack.workspace(Settings.of(values), dir, null, bind);
        workspace.ifPresent(Workspace::close);
        return workspace.isPresent();
    }
}
