package io.leavebot.teams;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.chat.ExportCommands;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.chat.AwayCommands;
import io.leavebot.chat.BalanceCommands;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.chat.CommandParser;
import io.leavebot.chat.LeaveCommand;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.Person;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What people type to the bot: {@value #COMMAND} alone answers with the request form ({@link RequestCard}); with
 * dates it asks for leave straight away (the request id derived from the message's activity id, which a redelivery
 * keeps); {@code leave list} (one's requests, then those waiting for one's decision as approver or stand-in),
 * {@code leave balance}, {@code leave cancel <id>} (a waiting request, or approved leave that has not started),
 * {@code leave whosout [DAY]} (the team calendar's words of that day and week, {@link TeamsCards#whosOut}),
 * {@code leave adjust …} (admins: someone's balance, the person named by e-mail address, made once per message as a
 * request is) and {@code leave help} do what they say. The words after
 * {@value #COMMAND} follow {@link CommandParser}'s grammar, as Slack's {@code /leave} does; the word itself may be
 * left out. {@code leave away …} and {@code leave standin …} keep an approver's away periods and stand-in
 * ({@link AwayCommands}); the stand-in is named by e-mail address, as LeaveBot talks to people in one-to-one chats,
 * where Teams offers no @mention of anyone else. The answer is a card, sent back into the chat.
 */
final class MessageCommands {
    /** The word that starts a command, as the app manifest's command list shows it. */
    static final String COMMAND = "leave";
    /** An @mention of the bot, which Teams puts into the text in group chats. */
    private static final Pattern MENTION = Pattern.compile("<at>[^<]*</at>");
    private static final Pattern COMMAND_WORD = Pattern.compile("^" + COMMAND + "(\\s+|$)", Pattern.CASE_INSENSITIVE);

    private final LeaveRequests leaves;
    private final AwayCommands away;
    private final BalanceCommands balances;
    private final ExportCommands exports;
    private final CommandParser parser;
    private final ChatReplies replies;
    private final RequestCard requestForm;
    private final TeamCalendar calendar;
    private final Clock clock;

    /** @param clock today's date, in the clock's zone, is what "today" and "tomorrow" mean */
    MessageCommands(LeaveRequests leaves, AwayCommands away, BalanceCommands balances, ExportCommands exports,
            CommandParser parser, ChatReplies replies, RequestCard requestForm, TeamCalendar calendar, Clock clock) {
        this.exports = exports;
        this.leaves = leaves;
        this.away = away;
        this.balances = balances;
        this.parser = parser;
        this.replies = replies;
        this.requestForm = requestForm;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The card that answers {@code message} from {@code sender}. */
    ObjectNode answer(Activity message, Person sender) {
        LocalDate today = LocalDate.now(clock);
        LeaveCommand asked = parser.parse(commandText(message.text()), today);
        if (asked.kind() == LeaveCommand.Kind.WHOS_OUT) { // a card of its own: a heading and a list per team
            return TeamsCards.whosOut(calendar.whosOut(sender, asked.start()));
        }
        ChatReply reply = switch (asked.kind()) {
            case FORM -> null;
            case REQUEST -> submit(asked, message, sender, today);
            case LIST -> replies.list(leaves.requestsOf(sender), leaves.waitingFor(sender), sender);
            case CANCEL -> balances.cancel(asked.requestId(), sender);
            case BALANCE -> balances.balance(sender);
            case ADJUST -> balances.adjust(asked, sender, AwayCommands::byEmail, interactionOf(message));
            case AWAY, AWAY_LIST, AWAY_CANCEL, STAND_IN -> away.answer(asked, sender, AwayCommands::byEmail, today);
            case CONNECT, DISCONNECT -> replies.slackOnly();
            case WHOS_OUT -> throw new IllegalStateException("whosout is answered above, with its own card");
            case CALENDAR, CALENDAR_ROTATE -> exports.calendar(asked, sender);
            case REPORT -> exports.report(asked, sender);
            case HELP -> replies.help(today);
            case UNREADABLE -> replies.unreadable(asked.problem(), today);
        };
        return reply == null ? requestForm.form(message.id(), sender) : TeamsCards.reply(reply);
    }

    /** The text without mentions and without the word {@value #COMMAND}. */
    static String commandText(String text) {
        String plain = text == null ? "" : MENTION.matcher(text).replaceAll(" ").strip();
        return COMMAND_WORD.matcher(plain).replaceFirst("");
    }

    private ChatReply submit(LeaveCommand asked, Activity message, Person sender, LocalDate today) {
        String requestId = RequestIds.from(interactionOf(message));
        Submitted submitted = leaves.submit(asked.toSubmission(requestId, sender));
        return submitted.accepted() ? replies.accepted(requestId, submitted.leave(), submitted.warnings())
                : replies.notAccepted(submitted.errors().values(), today);
    }

    /** The message's name among Teams interactions: a redelivered message keeps its activity id. */
    private static String interactionOf(Activity message) {
        return "teams-message:" + message.id();
    }
}
