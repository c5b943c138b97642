package io.leavebot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.model.event.AppHomeOpenedEvent;
import io.leavebot.chat.ExportCommands;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.chat.AwayCommands;
import io.leavebot.chat.AwayReplies;
import io.leavebot.chat.BalanceCommands;
import io.leavebot.chat.BalanceReplies;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.CommandParser;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.LeaveRequests;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * LeaveBot's Bolt app: what people do in Slack, each listener a short function over {@link LeaveRequests}.
 * <ul>
 *   <li>{@code /leave}: the request form, or a request, the list, a withdrawal, away periods and stand-ins, help
 *   ({@link CommandListener});</li>
 *   <li>the request form's type and days changed, which updates its balance line, and the form sent ({@link RequestModal});</li>
 *   <li>Approve / Reject / Reject with comment, in the approval message or on Home ({@link DecisionListener}, {@link RejectModal});</li>
 *   <li>the Home tab opened, and Withdraw and the team calendar's weeks on it ({@link HomeTab});</li>
 *   <li>on Home, away periods added (a form) and cancelled ({@link AwayHome});</li>
 *   <li>{@code /leave connect} and {@code disconnect}: a person's Slack status while on leave ({@link ConnectCommands}).</li>
 * </ul>
 *
 * <p>Serve it over HTTP only through {@link SlackEndpoint}, which checks every request's signature before the app
 * sees it (so the app itself runs without Bolt's weaker check), or over Socket Mode ({@code new
 * SocketModeApp(appToken, app)}), whose requests come over an authenticated WebSocket.
 *
 * <p>Neither building the app nor serving its first request calls Slack before the listener runs: Bolt's default
 * authorization asks {@code auth.test} at both points (see {@link BotToken}), and so does the SDK before a token's
 * first call unless it is built with {@link SlackSettings#sdk()}; a Lambda cold start has 3 seconds in all to ack
 * a command.
 */
public final class SlackApp {
    /** The slash command, as manifest.yml declares it. */
    static final String COMMAND = "/leave";
    private static final System.Logger LOG = System.getLogger(SlackApp.class.getName());

    private SlackApp() {
    }

    /**
     * @param people who is who: the clicking or typing user becomes a {@link io.leavebot.leave.Person}
     * @param away   approvers' away periods and stand-ins
     * @param texts  the words of notifications, which replies reuse
     * @param clock  now; its zone decides which day "today" is in {@code /leave today}
     */
    public static App create(SlackSettings settings, LeaveRequests leaves, AwayPeriods away, SlackPeople people,
            LeavePolicy policy, NotificationTexts texts, Clock clock) {
        return create(settings, leaves, away, people, policy, texts, clock, ExportCommands.none(COMMAND, clock), null);
    }

    /** As above, with the calendar feeds and reports of {@code exports} behind {@code /leave calendar} and {@code report}. */
    public static App create(SlackSettings settings, LeaveRequests leaves, AwayPeriods away, SlackPeople people,
            LeavePolicy policy, NotificationTexts texts, Clock clock, ExportCommands exports) {
        return create(settings, leaves, away, people, policy, texts, clock, exports, null);
    }

    /** As above, with {@code /leave connect}'s flow and without calendar feeds or reports. */
    public static App create(SlackSettings settings, LeaveRequests leaves, AwayPeriods away, SlackPeople people,
            LeavePolicy policy, NotificationTexts texts, Clock clock, SlackConnect connect) {
        return create(settings, leaves, away, people, policy, texts, clock, ExportCommands.none(COMMAND, clock), connect);
    }

    /**
     * @param exports the calendar feeds and reports behind {@code /leave calendar} and {@code report}
     * @param connect {@code /leave connect}'s flow; null when the app's OAuth credentials are not configured
     */
    public static App create(SlackSettings settings, LeaveRequests leaves, AwayPeriods away, SlackPeople people,
            LeavePolicy policy, NotificationTexts texts, Clock clock, ExportCommands exports, SlackConnect connect) {
        if (settings.slack().getConfig().getMethodsConfig().isStatsEnabled()) {
            LOG.log(System.Logger.Level.WARNING, "Slack's SDK keeps rate-limit statistics, so the first Web API call "
                    + "will wait for an auth.test; build it with SlackSettings.sdk() instead");
        }
        AppConfig config = AppConfig.builder().singleTeamBotToken(settings.botToken()).signingSecret(settings.signingSecret())
                .slack(settings.slack()).build();
        ChatReplies replies = new ChatReplies(texts, policy, COMMAND);
        App app = new App(config, middleware(settings, replies));

        RequestModal requestForm = new RequestModal(leaves, people, policy, replies);
        var awayReplies = new AwayReplies(COMMAND);
        var awayHome = new AwayHome(away, awayReplies, people);
        var balanceCommands = new BalanceCommands(leaves, new BalanceReplies(texts, COMMAND));
        var calendar = TeamCalendar.of(leaves);
        HomeTab home = new HomeTab(leaves, people, replies, awayHome, balanceCommands, calendar, clock);
        RejectModal rejectForm = new RejectModal(leaves, people, replies, home);
        var awayCommands = new AwayCommands(away, awayReplies);
        app.command(COMMAND, new CommandListener(leaves, people, new CommandParser(policy), replies, requestForm, awayCommands,
                balanceCommands, calendar, exports.typedAs(COMMAND), new ConnectCommands(connect), clock));
        app.blockAction(ConnectCommands.CONNECT_CLICKED, (req, ctx) -> ctx.ack()); // Slack opens the URL itself
        app.viewSubmission(RequestModal.CALLBACK_ID, requestForm::submitted);
        RequestModal.DISPATCHING.forEach(actionId -> app.blockAction(actionId, requestForm::changed));
        app.blockAction(DecisionButtons.ANY, new DecisionListener(leaves, people, replies, home, rejectForm));
        app.viewSubmission(RejectModal.CALLBACK_ID, rejectForm::submitted);
        app.event(AppHomeOpenedEvent.class, home::opened);
        app.blockAction(HomeView.WITHDRAW, home::withdrawClicked);
        app.blockAction(CalendarBlocks.WEEKS, home::calendarClicked);
        app.blockAction(AwayHome.DECLARE, awayHome::declareClicked);
        app.blockAction(AwayHome.CANCEL, (req, ctx) -> awayHome.cancelClicked(req, ctx, home));
        app.viewSubmission(AwayHome.CALLBACK_ID, (req, ctx) -> awayHome.submitted(req, ctx, home));
        return app;
    }

    /**
     * Bolt's default chain, which an app given its own list does not build: SSL check, then {@link BotToken} for
     * Bolt's auth.test-based authorization, then {@link UnexpectedFailures}. Request verification is
     * {@link SlackEndpoint}'s; self-events are not filtered, as the app listens to no message events.
     */
    private static List<Middleware> middleware(SlackSettings settings, ChatReplies replies) {
        // a mutable list: App.use() appends to it
        return new ArrayList<>(List.of(new SSLCheck(null), new BotToken(settings.botToken()), new UnexpectedFailures(replies)));
    }
}
