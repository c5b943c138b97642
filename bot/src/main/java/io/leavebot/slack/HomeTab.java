package io.leavebot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.view.View;
import com.slack.api.model.block.LayoutBlock;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.chat.BalanceCommands;
import io.leavebot.chat.ChatReplies;
import io.leavebot.leave.Person;
import io.leavebot.slack.HomeView.Notice;
import io.leavebot.workflow.Answer;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Answered;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps someone's App Home tab current (balances, requests, the team calendar, away periods): published when they open it, and again after each click on it (with
 * what the click did on top), since a Home tab has no {@code response_url} to answer beside.
 */
final class HomeTab {
    private static final System.Logger LOG = System.getLogger(HomeTab.class.getName());

    private final LeaveRequests leaves;
    private final SlackPeople people;
    private final ChatReplies replies;
    private final AwayHome away;
    private final BalanceCommands balances;
    private final TeamCalendar calendar;
    private final Clock clock;

    HomeTab(LeaveRequests leaves, SlackPeople people, ChatReplies replies, AwayHome away, BalanceCommands balances,
            TeamCalendar calendar, Clock clock) {
        this.leaves = leaves;
        this.calendar = calendar;
        this.clock = clock;
        this.balances = balances;
        this.people = people;
        this.replies = replies;
        this.away = away;
    }

    /** {@code app_home_opened}: Home shows the person's requests, and those waiting for them. */
    Response opened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) throws IOException, SlackApiException {
        AppHomeOpenedEvent event = payload.getEvent();
        if ("home".equals(event.getTab())) { // the same event comes when the Messages tab is opened
            publish(ctx.client(), event.getUser(), null);
        }
        return ctx.ack();
    }

    /** Withdraw, on Home: the employee withdraws a request that still waits. */
    Response withdrawClicked(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        BlockActionPayload click = req.getPayload();
        String userId = click.getUser().getId();
        String requestId = click.getActions().get(0).getValue();
        Answer answer = Answer.cancel(people.person(userId));
        Answered answered = leaves.answer(requestId, answer);
        AnswerLog.refused(ctx.getTeamId(), userId, requestId, answer, answered);
        publish(ctx.client(), userId, Notice.answered(replies.answered(requestId, answer, answered), answer, answered));
        return ctx.ack();
    }

    /** The team calendar's button: Home again, with the next 4 weeks or this week (the button's value says which). */
    Response calendarClicked(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        boolean weeksAhead = "4".equals(req.getPayload().getActions().get(0).getValue());
        publish(ctx.client(), req.getPayload().getUser().getId(), null, weeksAhead);
        return ctx.ack();
    }

    /** Publishes the user's Home as it stands, with {@code notice} (or none) on top. Best effort: a failure is logged. */
    void publish(MethodsClient client, String userId, Notice notice) throws IOException, SlackApiException {
        publish(client, userId, notice, false);
    }

    /** @param weeksAhead whether the team calendar shows the next 4 weeks rather than this week */
    private void publish(MethodsClient client, String userId, Notice notice, boolean weeksAhead) throws IOException, SlackApiException {
        Person person = people.person(userId);
        LocalDate today = LocalDate.now(clock);
        List<LayoutBlock> last = new ArrayList<>(SdkBlocks.of(CalendarBlocks.home(weeksAhead ? calendar.weeksAhead(person, today)
                : calendar.week(person, today), weeksAhead)));
        last.addAll(away.blocks(person));
        View home = HomeView.of(replies, person, balances.balance(person), leaves.requestsOf(person), leaves.waitingFor(person),
                last, notice);
        ViewsPublishResponse published = client.viewsPublish(r -> r.userId(userId).view(home));
        if (!published.isOk()) {
            LOG.log(System.Logger.Level.WARNING, "slack views.publish of user " + userId + "'s Home answered " + published.getError());
        }
    }
}
