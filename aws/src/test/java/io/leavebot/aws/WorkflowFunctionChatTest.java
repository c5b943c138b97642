package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SampleLeaves;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow function's chat channel: opened with the secret's Slack bot token, reached first; none without one. */
class WorkflowFunctionChatTest {
    /** The bot token and the channel of each workflow function the harness started, one per test. */
    static final List<String> TOKENS = new CopyOnWriteArrayList<>();
    static final List<RecordingChat> CHATS = new CopyOnWriteArrayList<>();
    @RegisterExtension
    static final AwsFunctions aws = new AwsFunctions((token, addresses, texts, clock) -> {
        TOKENS.add(token);
        CHATS.add(new RecordingChat(addresses));
        return CHATS.get(CHATS.size() - 1);
    });

    @Test
    void approverWithASlackIdIsAskedInChatInsteadOfByEmail() {
        assertEquals(202, aws.api("POST", "/api/leaves", AwsFunctionsTest.AUTHORIZED, AwsFunctionsTest.ADA_S_LEAVE, false)
                .status());
        aws.settle();

        assertEquals(AwsFunctions.BOT_TOKEN, TOKENS.get(TOKENS.size() - 1));
        RecordingChat chat = CHATS.get(CHATS.size() - 1);
        assertEquals(1, chat.deliveries.size());
        assertEquals(SampleLeaves.GRACE, chat.deliveries.get(0).to(), "the routing's Slack id for her is in the address book");
        assertEquals(List.of(), aws.mailTo("grace@example.org", "Leave request from "));
        assertEquals(1, aws.mailTo("ada@example.org", "Leave request received: ").size(), "Ada has no Slack id: e-mail");
    }

    @Test
    void withoutABotTokenNoChatChannelIsOpened() {
        String emailOnly = AwsFunctions.SECRET_ARN + "-email-only";
        aws.secrets().secret(emailOnly, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\"}");

        new WorkflowFunction(aws.settings(Map.of(LeaveBotNames.SECRET_ARN_ENV, emailOnly)), aws.clients(), aws.time(),
                (token, addresses, texts, clock) -> {
                    throw new AssertionError("a chat channel was opened without a bot token");
                }, null);
    }
}
