package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.User;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.util.json.GsonFactory;
import io.leavebot.calendar.WhosOut;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.notify.Notification;
import io.leavebot.notify.Notification.Kind;
import io.leavebot.notify.NotificationText;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.testing.SampleLeaves;
import io.leavebot.testing.SlackApi;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Slack receives from LeaveBot's own Web API client is what it received from the Slack SDK: each method is called
 * both ways against the WireMock Slack, and the two requests must carry the same fields, JSON fields (blocks, profile)
 * as the same JSON. The messages' blocks are built the SDK's way here as the SDK-based builders built them.
 */
class SlackWireFidelityTest {
    private static final NotificationTexts TEXTS = new NotificationTexts(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SlackApi slack = new SlackApi().member("U01ADA", "ada@example.org", "Ada Lovelace");
    private final MethodsClient sdk = slack.slack().methods(SlackApi.BOT_TOKEN);
    private final SlackWebApi lean = slack.botApi();

    @AfterEach
    void stopSlack() {
        slack.close();
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"RECEIPT", "APPROVAL_REQUEST", "REMINDER", "OUTCOME"})
    void aNotificationIsPostedAndUpdatedAsTheSdkPostedIt(Kind kind) throws Exception {
        Notification notification = notification(kind);
        SlackMessages.Message message = new SlackMessages(TEXTS).of(notification);
        List<LayoutBlock> sdkBlocks = sdkRendered(TEXTS.of(notification), notification);

        sdk.chatPostMessage(r -> r.channel("DU01ADA").threadTs("1700000000.000100").text(message.text()).blocks(sdkBlocks));
        lean.postMessage("DU01ADA", "1700000000.000100", message.text(), message.blocks());
        sdk.chatUpdate(r -> r.channel("DU01ADA").ts("1700000000.000200").text(message.text()).blocks(sdkBlocks));
        lean.update("DU01ADA", "1700000000.000200", message.text(), message.blocks());

        assertSameTwice("chat.postMessage", "blocks");
        assertSameTwice("chat.update", "blocks");
    }

    @Test
    void theDigestIsPostedAsTheSdkPostedIt() throws Exception {
        var digest = new WhosOut(LocalDate.of(2026, 1, 13), List.of(new WhosOut.Section("platform & <ops>",
                List.of("Ada Lovelace — annual leave, back Tue 20 Jan"), List.of("Alan Turing — out from Thu 15 Jan (pending)"))), true);
        List<ObjectNode> blocks = CalendarBlocks.whosOut(digest);

        sdk.chatPostMessage(r -> r.channel("C0DIGEST").text(CalendarBlocks.fallback(digest)).blocks(SdkBlocks.of(blocks)).unfurlLinks(false));
        lean.postMessage("C0DIGEST", null, CalendarBlocks.fallback(digest), blocks);

        assertSameTwice("chat.postMessage", "blocks");
    }

    @Test
    void theBlocksLeaveBotBuildsAreOnesTheSdksModelHoldsWholly() throws Exception {
        var calendar = CalendarBlocks.whosOut(new WhosOut(LocalDate.of(2026, 1, 13), manyTeams(), false));
        for (List<ObjectNode> blocks : List.of(calendar, List.of(DecisionButtons.block(new DecisionButtons.Target("r1", "cb1"), "Ada")))) {
            // a field the model does not know, or a wrong type, would be lost on the way through the SDK's model
            assertEquals(BlockKit.array(blocks), JSON.readTree(GsonFactory.createSnakeCase().toJson(SdkBlocks.of(blocks))));
        }
    }

    @Test
    void whoIsWhoAndTheDmAreAskedAsTheSdkAskedThem() throws Exception {
        sdk.conversationsOpen(r -> r.users(List.of("U01ADA")));
        lean.openDirectMessage("U01ADA");
        sdk.usersInfo(r -> r.user("U01ADA"));
        lean.userInfo("U01ADA");
        sdk.usersLookupByEmail(r -> r.email("ada@example.org"));
        lean.userByEmail("ada@example.org");

        assertSameTwice("conversations.open", null);
        assertSameTwice("users.info", null);
        assertSameTwice("users.lookupByEmail", null);
    }

    @Test
    void aPersonsStatusTokenAndConnectAreSentAsTheSdkSentThem() throws Exception {
        slack.answer("users.profile.get", "{\"ok\":true,\"profile\":{}}").answer("users.profile.set", "{\"ok\":true}")
                .answer("auth.revoke", "{\"ok\":true}").answer("oauth.v2.access", "{\"ok\":true}");
        MethodsClient sdkAda = slack.slack().methods("xoxp-ada");
        SlackWebApi leanAda = slack.webApi().withToken("xoxp-ada");

        sdkAda.usersProfileGet(r -> r);
        leanAda.ownProfile();
        sdkAda.authRevoke(r -> r);
        leanAda.revoke();
        slack.slack().methods().oauthV2Access(r -> r.clientId("1111.2222").clientSecret("shh").code("c1").redirectUri("https://x.example/cb"));
        slack.webApi().oauthV2Access("1111.2222", "shh", "c1", "https://x.example/cb");
        User.Profile status = new User.Profile();
        status.setStatusText("On leave until Fri 16 Jan");
        status.setStatusEmoji(":palm_tree:");
        status.setStatusExpiration(1_768_608_000L);
        sdkAda.usersProfileSet(r -> r.profile(status));
        leanAda.setOwnProfile(JsonNodeFactory.instance.objectNode().put("status_text", "On leave until Fri 16 Jan")
                .put("status_emoji", ":palm_tree:").put("status_expiration", 1_768_608_000L));

        assertSameTwice("users.profile.get", null);
        assertSameTwice("auth.revoke", null);
        assertSameTwice("oauth.v2.access", null);
        // the SDK's profile also carries the model's unset booleans (is_admin: false, …), which Slack ignores for a
        // profile of one's own; the status is what counts, and what LeaveBot sends alone
        var calls = slack.calls("users.profile.set");
        var sdkProfile = (ObjectNode) SlackApi.json(calls.get(0), "profile");
        sdkProfile.retain("status_text", "status_emoji", "status_expiration");
        assertEquals(sdkProfile, SlackApi.json(calls.get(1), "profile"));
    }

    /** The SDK's call (first) and LeaveBot's (second) of {@code method} carry the same fields; {@code jsonField} as the same JSON. */
    private void assertSameTwice(String method, String jsonField) {
        List<Map<String, String>> calls = slack.calls(method);
        assertEquals(2, calls.size(), method);
        if (jsonField != null) {
            assertEquals(SlackApi.json(calls.get(0), jsonField), SlackApi.json(calls.get(1), jsonField), method + " " + jsonField);
        }
        assertEquals(without(calls.get(0), jsonField), without(calls.get(1), jsonField), method);
    }

    private static Map<String, String> without(Map<String, String> fields, String name) {
        var rest = new LinkedHashMap<>(fields);
        rest.remove(name);
        return rest;
    }

    private static Notification notification(Kind kind) {
        return switch (kind) {
            case APPROVAL_REQUEST -> new Notification(kind, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 0,
                    List.of(SampleLeaves.decided(LeaveStatus.APPROVED, SampleLeaves.GRACE, null)));
            case REMINDER -> new Notification(kind, SampleLeaves.pending(), SampleLeaves.CALLBACK_ID, 1, List.of());
            case OUTCOME -> Notification.of(kind, SampleLeaves.decided(LeaveStatus.REJECTED, SampleLeaves.GRACE, "Busy <week> & more"));
            default -> Notification.of(kind, SampleLeaves.pending());
        };
    }

    private static List<WhosOut.Section> manyTeams() {
        List<WhosOut.Section> teams = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            teams.add(new WhosOut.Section("team " + i, List.of("Person " + i + " — annual leave"), List.of()));
        }
        return teams;
    }

    /** The message as the SDK-based builders made it (SlackMessages and DecisionButtons before the lean client). */
    private static List<LayoutBlock> sdkRendered(NotificationText text, Notification notification) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKitText.plain(text.title(), BlockKitText.HEADER)))));
        for (String paragraph : text.paragraphs()) {
            blocks.add(section(s -> s.text(plainText(BlockKitText.plain(paragraph, BlockKitText.SECTION)))));
        }
        List<TextObject> fields = text.details().stream().map(detail -> {
            String label = "*" + BlockKitText.mrkdwn(detail.label(), BlockKitText.FIELD / 2) + "*\n";
            String value = BlockKitText.mrkdwn(detail.value(), BlockKitText.FIELD - label.length());
            return (TextObject) markdownText(m -> m.text(label + value).verbatim(true));
        }).toList();
        for (int from = 0; from < fields.size(); from += BlockKitText.FIELDS_PER_SECTION) {
            List<TextObject> some = fields.subList(from, Math.min(fields.size(), from + BlockKitText.FIELDS_PER_SECTION));
            blocks.add(section(s -> s.fields(some)));
        }
        if (text.hasActions()) {
            var leave = notification.leave();
            String value = new DecisionButtons.Target(leave.id(), notification.callbackId()).encode();
            String employee = NotificationTexts.nameOf(leave.employee());
            String rest = " will be told it was rejected. To say why, use \"Reject with comment\" instead.";
            String warning = BlockKitText.plain(employee, BlockKitText.CONFIRM - rest.length()) + rest;
            blocks.add(actions(a -> a.blockId("decide:" + leave.id()).elements(List.of(
                    button(b -> b.actionId(DecisionButtons.APPROVE).style("primary").value(value).text(plainText(NotificationTexts.APPROVE))),
                    button(b -> b.actionId(DecisionButtons.REJECT).style("danger").value(value).text(plainText(NotificationTexts.REJECT))
                            .confirm(confirmationDialog(c -> c.style("danger").title(plainText("Reject this request?"))
                                    .text(plainText(warning)).confirm(plainText("Reject")).deny(plainText("Keep it"))))),
                    button(b -> b.actionId(DecisionButtons.REJECT_WITH_COMMENT).value(value).text(plainText("Reject with comment…")))))));
        }
        return blocks;
    }
}
