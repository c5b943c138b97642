package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.LeaveBotNames;
import io.leavebot.testing.Dynalite;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SesLocal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The workflow function's chat channel: opened with the secret's Slack bot token, reached first; none without one. */
class WorkflowFunctionChatTest {
    @RegisterExtension
    static final Dynalite DYNALITE = new Dynalite();
    @RegisterExtension
    static final SesLocal SES = new SesLocal();

    final RecordingChat chat = new RecordingChat();
    final List<String> tokens = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final AwsFunctions aws = new AwsFunctions(DYNALITE, SES, (token, texts, clock) -> {
        tokens.add(token);
        return chat;
    });

    @Test
    void approverWithASlackIdIsAskedInChatInsteadOfByEmail() {
        assertEquals(202, aws.api("POST", "/api/leaves", AwsFunctionsTest.AUTHORIZED, AwsFunctionsTest.ADA_S_LEAVE, false)
                .status());
        aws.settle();

        assertEquals(List.of(AwsFunctions.BOT_TOKEN), tokens);
        assertEquals(1, chat.deliveries.size());
        assertEquals("U02GRACE", chat.deliveries.get(0).to().slackUserId());
        assertEquals(List.of(), aws.mailTo("grace@example.org", "Leave request from "));
        assertEquals(1, aws.mailTo("ada@example.org", "Leave request received: ").size(), "Ada has no Slack id: e-mail");
    }

    @Test
    void withoutABotTokenNoChatChannelIsOpened() {
        String emailOnly = AwsFunctions.SECRET_ARN + "-email-only";
        aws.secrets().secret(emailOnly, "{\"decisionLinkKey\": \"" + AwsFunctions.LINK_KEY + "\"}");

        new WorkflowFunction(aws.settings(Map.of(LeaveBotNames.SECRET_ARN_ENV, emailOnly)), aws.clients(), aws.time(),
                (token, texts, clock) -> {
                    throw new AssertionError("a chat channel was opened without a bot token");
                });

        assertEquals(List.of(AwsFunctions.BOT_TOKEN), tokens, "only the harness's own function opened one");
    }
}
