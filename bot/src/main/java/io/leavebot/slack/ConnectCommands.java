package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import io.leavebot.chat.ChatReply;
import io.leavebot.leave.Person;
import java.util.List;

/**
 * {@code /leave connect} and {@code /leave disconnect} in Slack ({@link SlackConnect}): the first answers with a
 * button to Slack's authorize page (a URL button: Slack opens the page, and still sends the click, which
 * {@link #CONNECT_CLICKED} acks); the second forgets the person's token. Without the app's OAuth credentials
 * ({@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET}) both say Slack status is not set up.
 */
final class ConnectCommands {
    /** The action id of the connect button. */
    static final String CONNECT_CLICKED = "slack-connect";
    private static final String NOT_SET_UP = "Slack status is not set up in this LeaveBot: whoever runs it sets "
            + "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (see the README, \"Slack status while on leave\").";

    private final SlackConnect connect;

    /** @param connect the flow, or null when the app's OAuth credentials are not configured */
    ConnectCommands(SlackConnect connect) {
        this.connect = connect;
    }

    /** The ephemeral answer to {@code /leave connect} from {@code person}, who is {@code command}'s user. */
    SlashCommandResponse connect(SlashCommandPayload command, Person person) {
        if (connect == null) {
            return SlashCommandResponse.builder().responseType("ephemeral").text(NOT_SET_UP).build();
        }
        String url = connect.authorizeUrl(command.getUserId(), command.getTeamId(), person);
        String text = "LeaveBot can show when you are on leave in your Slack status (:palm_tree: On leave until …), set "
                + "on your first day and cleared when you are back. Connect your account to allow it; the link works for "
                + "10 minutes.";
        return SlashCommandResponse.builder().responseType("ephemeral").text(text + " " + url)
                .blocks(List.of(section(s -> s.text(markdownText(SlackText.escape(text)))),
                        actions(a -> a.elements(List.of(button(b -> b.actionId(CONNECT_CLICKED).style("primary")
                                .text(plainText("Connect Slack status")).url(url)))))))
                .build();
    }

    /** The answer to {@code /leave disconnect}. */
    ChatReply disconnect(Person person) {
        if (connect == null) {
            return new ChatReply(List.of(NOT_SET_UP), List.of());
        }
        return new ChatReply(List.of(connect.disconnect(person)
                ? "Disconnected: LeaveBot forgot your Slack token and will no longer set your status."
                : "Your Slack account is not connected, so there was nothing to disconnect."), List.of());
    }
}
