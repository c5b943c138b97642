package io.leavebot.teams;

import io.leavebot.chat.ExportCommands;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.chat.AwayCommands;
import io.leavebot.chat.AwayReplies;
import io.leavebot.chat.BalanceCommands;
import io.leavebot.chat.BalanceReplies;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.CommandParser;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.LeaveRequests;
import java.time.Clock;
import java.time.Duration;

/**
 * LeaveBot in Microsoft Teams, as a bot that speaks the Bot Framework REST protocol itself: the workflow's
 * {@link #chat() chat channel} (proactive cards) and the {@link #endpoint messaging endpoint} (commands, the request
 * form, Approve / Reject), sharing one Bot Connector token and one view of who is who. A workflow function needs
 * only the channel, the Teams function only the endpoint; the local launcher both.
 * <pre>{@code
 * TeamsApp teams = TeamsApp.connect(TeamsSettings.of(appId, secret, tenantId), store, texts, clock);
 * new Notifier(store, List.of(teams.chat()), mailer, emails, clock);
 * web.mount("/api/messages", request -> ... teams.endpoint(leaves, policy, clock).handle(headers, body) ...);
 * }</pre>
 * Nothing here calls Microsoft before a request or a notification needs it.
 */
public final class TeamsApp {
    /** How the Teams front end's commands start (what people type). */
    public static final String COMMAND = MessageCommands.COMMAND;
    /** How long what Teams said about a person (e-mail, name) is kept before asking again. */
    private static final Duration PEOPLE_TTL = Duration.ofMinutes(10);

    private final TeamsSettings settings;
    private final NotificationTexts texts;
    private final Clock clock;
    private final JsonHttp http;
    private final BotConnector connector;
    private final TeamsPeople people;
    private final TeamsChatChannel chat;

    private TeamsApp(TeamsSettings settings, ChatAddressBook addresses, NotificationTexts texts, Clock clock) {
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
        this.http = new JsonHttp();
        this.connector = new BotConnector(http, new ConnectorToken(settings, http, clock));
        this.people = new TeamsPeople(connector, addresses, clock, PEOPLE_TTL);
        this.chat = new TeamsChatChannel(people, connector, new TeamsCards(texts));
    }

    /**
     * @param addresses where people's Teams conversations are kept (the leave store)
     * @param texts     the words of notifications, which replies reuse
     * @param clock     now: token expiry, caches
     */
    public static TeamsApp connect(TeamsSettings settings, ChatAddressBook addresses, NotificationTexts texts, Clock clock) {
        return new TeamsApp(settings, addresses, texts, clock);
    }

    /** The workflow's chat channel, named {@code teams}. */
    public ChatChannel chat() {
        return chat;
    }

    /**
     * The channel or group chat the who's-out digest is posted to, proactively.
     *
     * @param serviceUrl     the Bot Connector of the team's region, as activities from that team name it
     * @param conversationId the channel's or chat's id ({@code 19:…@thread.tacv2}, {@code 19:…@thread.v2})
     */
    public DigestChannel digestChannel(String serviceUrl, String conversationId) {
        return new TeamsDigestChannel(connector, new ConversationRef(serviceUrl, conversationId, null, null, null));
    }

    /**
     * The messaging endpoint, acting through {@code leaves}.
     *
     * @param today its zone decides which day "today" is in {@code leave today}
     */
    public TeamsEndpoint endpoint(LeaveRequests leaves, AwayPeriods away, LeavePolicy policy, Clock today) {
        return endpoint(leaves, away, policy, today, ExportCommands.none(COMMAND, today));
    }

    /** As above, with the calendar feeds and reports of {@code exports} behind {@code leave calendar} and {@code report}. */
    public TeamsEndpoint endpoint(LeaveRequests leaves, AwayPeriods away, LeavePolicy policy, Clock today, ExportCommands exports) {
        ChatReplies replies = new ChatReplies(texts, policy, COMMAND);
        var awayCommands = new AwayCommands(away, new AwayReplies(COMMAND));
        RequestCard form = new RequestCard(leaves, policy, replies);
        var tokens = new RequestTokens(settings.appId(), new BotFrameworkKeys(settings.openIdMetadata(), http, clock), clock);
        var balanceCommands = new BalanceCommands(leaves, new BalanceReplies(texts, COMMAND));
        return new TeamsEndpoint(tokens, people, connector, new MessageCommands(leaves, awayCommands, balanceCommands,
                exports.typedAs(COMMAND), new CommandParser(policy), replies, form, TeamCalendar.of(leaves), today),
                new CardActions(leaves, replies, form), replies);
    }
}
