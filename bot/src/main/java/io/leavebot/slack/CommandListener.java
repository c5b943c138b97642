package io.leavebot.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.calendar.WhosOut;
import io.leavebot.chat.AwayCommands;
import io.leavebot.chat.BalanceCommands;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.ChatReply;
import io.leavebot.chat.CommandParser;
import io.leavebot.chat.ExportCommands;
import io.leavebot.chat.LeaveCommand;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * {@code /leave}: with no text it opens the request form; with dates it asks for leave straight away (the request
 * id derived from the command's trigger id); {@code list}, {@code balance}, {@code cancel <id>} (a waiting request
 * or approved leave that has not started, {@link BalanceCommands}), {@code adjust …} (admins: someone's balance,
 * made once per trigger id, as a request is) and {@code help} do what they say;
 * {@code whosout [DAY]} answers with the team calendar's words of that day and week ({@link CalendarBlocks});
 * {@code away …} and {@code standin …} keep the approver's away periods and stand-in ({@link AwayCommands}), the
 * stand-in named by an @mention (Slack escapes it in the text, {@code should_escape} in the manifest).
 * The grammar is {@link CommandParser}'s. Every answer is ephemeral, in the command's HTTP response.
 */
final class CommandListener implements SlashCommandHandler {
    private static final System.Logger LOG = System.getLogger(CommandListener.class.getName());

    private final LeaveRequests leaves;
    private final SlackPeople people;
    private final CommandParser parser;
    private final ChatReplies replies;
    private final RequestModal requestForm;
    private final AwayCommands away;
    private final BalanceCommands balances;
    private final ConnectCommands connect;
    private final ExportCommands exports;
    private final TeamCalendar calendar;
    private final Clock clock;

    /** @param clock today's date, in the clock's zone, is what "today" and "tomorrow" mean */
    CommandListener(LeaveRequests leaves, SlackPeople people, CommandParser parser, ChatReplies replies, RequestModal requestForm,
            AwayCommands away, BalanceCommands balances, TeamCalendar calendar, ExportCommands exports, ConnectCommands connect,
            Clock clock) {
        this.exports = exports;
        this.leaves = leaves;
        this.people = people;
        this.parser = parser;
        this.replies = replies;
        this.requestForm = requestForm;
        this.away = away;
        this.balances = balances;
        this.connect = connect;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Response apply(SlashCommandRequest req, SlashCommandContext ctx) throws IOException, SlackApiException {
        LocalDate today = LocalDate.now(clock);
        SlashCommandPayload command = req.getPayload();
        LeaveCommand asked = parser.parse(unescaped(command.getText()), today);
        if (asked.kind() == LeaveCommand.Kind.CONNECT) {
            return ctx.ack(connect.connect(command, people.person(command.getUserId()))); // a button, which a ChatReply cannot carry
        }
        if (asked.kind() == LeaveCommand.Kind.WHOS_OUT) { // blocks, not text: one section per team
            WhosOut out = calendar.whosOut(people.person(command.getUserId()), asked.start());
            return ctx.ack(r -> r.responseType("ephemeral").text(CalendarBlocks.fallback(out)).blocks(SdkBlocks.of(CalendarBlocks.whosOut(out))));
        }
        ChatReply reply = switch (asked.kind()) {
            case FORM -> openForm(ctx, command, today);
            case REQUEST -> submit(asked, command, today);
            case LIST -> list(people.person(command.getUserId()));
            case CANCEL -> cancel(asked.requestId(), command);
            case BALANCE -> balances.balance(people.person(command.getUserId()));
            case ADJUST -> adjust(asked, command);
            case AWAY, AWAY_LIST, AWAY_CANCEL, STAND_IN ->
                    away.answer(asked, people.person(command.getUserId()), people::mentioned, today);
            case CONNECT, DISCONNECT -> connect.disconnect(people.person(command.getUserId())); // connect: answered above
            case WHOS_OUT -> throw new IllegalStateException("whosout is answered above, with blocks");
            case CALENDAR, CALENDAR_ROTATE -> exports.calendar(asked, people.person(command.getUserId()));
            case REPORT -> exports.report(asked, people.person(command.getUserId()));
            case HELP -> replies.help(today);
            case UNREADABLE -> replies.unreadable(asked.problem(), today);
        };
        return reply == null ? ctx.ack() : ctx.ack(r -> r.responseType("ephemeral").text(SlackText.mrkdwn(reply)));
    }

    /**
     * The text with Slack's escapes of {@code &}, {@code <} and {@code >} undone (the manifest asks for escaping,
     * so that mentions arrive as {@code <@U123ABC|name>}), so a reason reads as it was typed.
     */
    static String unescaped(String text) {
        return text == null ? null : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** Opens the form, or says why not. Nothing slow comes first: the trigger id expires 3 seconds after the command. */
    private ChatReply openForm(SlashCommandContext ctx, SlashCommandPayload command, LocalDate today)
            throws IOException, SlackApiException {
        var origin = new RequestModal.Origin(command.getChannelId(), command.getResponseUrl());
        View form = requestForm.modal(origin, knownOrNull(command.getUserId()));
        ViewsOpenResponse opened = ctx.client().viewsOpen(r -> r.triggerId(ctx.getTriggerId()).view(form));
        if (opened.isOk()) {
            return null;
        }
        LOG.log(System.Logger.Level.WARNING, "slack views.open of the request form answered " + opened.getError());
        return replies.formUnavailable(today);
    }

    /** The person, for the form's balance line; null when Slack cannot say now (the form opens without it). */
    private Person knownOrNull(String userId) {
        try {
            return people.person(userId);
        } catch (ChatUnavailableException e) {
            LOG.log(System.Logger.Level.INFO, "slack user " + userId + " unknown for now; the request form opens without a balance");
            return null;
        }
    }

    private ChatReply submit(LeaveCommand asked, SlashCommandPayload command, LocalDate today) {
        String requestId = RequestIds.from(interactionOf(command));
        Submitted submitted = leaves.submit(asked.toSubmission(requestId, people.person(command.getUserId())));
        return submitted.accepted() ? replies.accepted(requestId, submitted.leave(), submitted.warnings())
                : replies.notAccepted(submitted.errors().values(), today);
    }

    /** The person's requests, then those waiting for their decision (App Home shows the same, with buttons). */
    private ChatReply list(Person person) {
        return replies.list(leaves.requestsOf(person), leaves.waitingFor(person), person);
    }

    private ChatReply cancel(String requestId, SlashCommandPayload command) {
        LOG.log(System.Logger.Level.INFO, "slack cancel of request " + requestId + " (" + LeaveRequest.executionNameFor(requestId)
                + ") by user " + command.getUserId() + " of team " + command.getTeamId());
        return balances.cancel(requestId, people.person(command.getUserId()));
    }

    private ChatReply adjust(LeaveCommand asked, SlashCommandPayload command) {
        LOG.log(System.Logger.Level.INFO, "slack adjust of a balance (" + asked.type() + ") by user " + command.getUserId()
                + " of team " + command.getTeamId());
        return balances.adjust(asked, people.person(command.getUserId()), people::mentioned, interactionOf(command));
    }

    /** The command's name among Slack interactions: a retried command carries the same trigger id. */
    private static String interactionOf(SlashCommandPayload command) {
        return "slack-trigger:" + command.getTriggerId();
    }
}
