package io.leavebot.local;

import io.leavebot.LeaveBotNames;
import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.balance.PolicyFile;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.EngineClock;
import io.leavebot.email.DecisionLinks;
import io.leavebot.email.EmailRenderer;
import io.leavebot.email.Mailer;
import io.leavebot.email.OutboxMailer;
import io.leavebot.email.SmtpMailer;
import io.leavebot.email.SmtpSettings;
import io.leavebot.http.ApiKey;
import io.leavebot.http.ChatApp;
import io.leavebot.http.WebServer;
import io.leavebot.chat.ExportCommands;
import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.LeaveReport;
import io.leavebot.exports.ReportLinks;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.slack.SlackConnect;
import io.leavebot.slack.TokenSeal;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.logging.Logs;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.notify.Notifier;
import io.leavebot.ops.LeaveBotMetrics;
import io.leavebot.ops.MeteredChat;
import io.leavebot.ops.MeteredMailer;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.Admins;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveWorkflow;
import io.leavebot.workspace.People;
import io.leavebot.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@code ./leavebot} (or {@code java -jar local/target/leavebot.jar}): LeaveBot on one machine. The leave
 * workflow runs in the embedded durable engine; requests and their outcomes live in SQLite; e-mail goes to an
 * outbox folder of {@code .eml} files (or SMTP); the decision links and the JSON API are served on loopback, and
 * without Slack tokens the local workspace ({@link LocalSlack#workspace}). Every setting is listed in the README;
 * {@link Settings} reads them.
 */
public final class LocalLauncher {
    private LocalLauncher() {
    }

    /** What {@link #run} started; closing it stops everything, as a shutdown does. */
    record Running(WebServer web, Optional<DurableApi.Serving> durableApi, EmbeddedEngine engine, SqliteLeaveStore store,
            Optional<LocalSlack> slack, Optional<LocalTeams> teams, Optional<DigestScheduler> digest, DataFolderLock lock)
            implements AutoCloseable {
        @Override
        public void close() {
            digest.ifPresent(DigestScheduler::close);
            slack.ifPresent(LocalSlack::close);
            web.close();
            durableApi.ifPresent(DurableApi.Serving::close);
            engine.close();
            store.close();
            lock.close();
        }
    }

    public static void main(String[] args) throws IOException {
        Logs.start();
        if (BackupCommand.isCommand(args)) {
            System.exit(BackupCommand.run(Path.of(""), args, System.out, System.err));
        }
        try {
            Settings settings = Settings.load(Path.of("")).withArguments(args);
            Logs.configure(settings::optional); // the log settings of .env
            Running running = run(settings);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "leavebot-shutdown"));
            printWelcome(settings, running);
        } catch (SettingsException | IllegalArgumentException e) {
            System.err.println("LeaveBot cannot start: " + e.getMessage());
            System.exit(64);
        }
    }

    static Running run(Settings settings) throws IOException {
        Path dataDir = Files.createDirectories(Path.of(settings.string("LEAVEBOT_DATA_DIR", "leavebot-data")));
        // held until the shutdown: ./leavebot restore refuses while it is, and so does a second LeaveBot
        DataFolderLock lock;
        try {
            lock = DataFolderLock.tryTake(dataDir).orElseThrow(() -> new SettingsException("LEAVEBOT_DATA_DIR: "
                    + dataDir.toAbsolutePath() + " is in use by another LeaveBot (or a restore); stop it, or choose another folder"));
        } catch (UncheckedIOException e) {
            throw new SettingsException("LEAVEBOT_DATA_DIR: " + e.getMessage());
        }
        try {
            return run(settings, dataDir, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Running run(Settings settings, Path dataDir, DataFolderLock lock) throws IOException {
        InetAddress bind = settings.address("LEAVEBOT_BIND_ADDRESS", "127.0.0.1");
        int httpPort = settings.port("LEAVEBOT_HTTP_PORT", 3000);
        Optional<DurableApi> durable = DurableApi.from(settings, dataDir);
        ZoneId zone = ZoneId.of(settings.string("LEAVEBOT_TIME_ZONE", ZoneId.systemDefault().getId()));
        // no Slack token: the local workspace plays Slack in the browser, and may run LeaveBot on its fast clock
        Optional<Workspace> workspace = LocalSlack.workspace(settings, dataDir, outbox(settings, dataDir), bind);
        Clock clock = workspace.map(Workspace::clock).orElse(Clock.systemUTC());
        LeavePolicy policy = LeavePolicy.DEFAULT.withApprovalTimeout(settings.duration("LEAVEBOT_APPROVAL_TIMEOUT", Duration.ofDays(3)));
        String publicUrl = settings.string("LEAVEBOT_PUBLIC_URL", "http://127.0.0.1:" + (httpPort == 0 ? 3000 : httpPort));
        String linkSecret = LinkSecret.load(settings, dataDir);
        DecisionLinks links = new DecisionLinks(linkSecret, publicUrl + "/decide");
        TokenSeal tokenSeal = TokenKey.load(settings, dataDir); // people's Slack user tokens, sealed in the store
        var holidays = new Holidays(); // one per process: it keeps every year of holidays it worked out
        BalancePolicies balancePolicies = balancePolicies(settings, policy, workspace.isPresent());
        Set<String> admins = admins(settings);
        Optional<LeaveBotMetrics> metrics = LocalOps.metrics(settings, bind);

        // the engine's file and the leave store's file sit side by side: each has one writer
        var store = new SqliteLeaveStore(dataDir.resolve("leaves.db"));
        var texts = new NotificationTexts(zone);
        var emails = new EmailRenderer(texts, links,
                settings.string("LEAVEBOT_MAIL_FROM", "LeaveBot <leavebot@localhost>"), policy.approvalTimeout());
        Optional<LocalSlack> slack = workspace.map(w -> LocalSlack.playedBy(w, store, clock, texts))
                .or(() -> LocalSlack.from(settings, store, clock, texts));
        Optional<LocalTeams> teams = LocalTeams.from(settings, store, texts, clock);
        // Slack first, then Teams: someone in both hears in Slack; someone in one, there
        List<ChatChannel> chats = Stream.concat(slack.map(LocalSlack::chat).stream(), teams.map(LocalTeams::chat).stream())
                .map(chat -> metrics.<ChatChannel>map(m -> new MeteredChat(chat, m)).orElse(chat)).toList();
        Mailer mailer = metrics.<Mailer>map(m -> new MeteredMailer(mailer(settings, dataDir), m)).orElseGet(() -> mailer(settings, dataDir));
        var notifier = new Notifier(store, chats, mailer, emails, clock);
        EmbeddedEngine engine = EmbeddedEngine.builder(dataDir.resolve("leavebot.db"))
                .clock(workspace.map(Workspace::engineClock).orElse(EngineClock.system())).build();
        var routing = workspace.map(w -> w.routing(defaultApprover(settings))).orElseGet(() -> routing(settings));
        store.saveAll(ApproverRouting.SLACK, routing.slackIds(), clock.instant());
        var balances = new Balances(balancePolicies, holidays, store, store::listByEmployee, clock.withZone(zone));
        var leaves = new LeaveRequests(store, engine, LeaveRequests.FUNCTION, new LeaveValidator(policy), routing, store,
                balances, admins, clock);
        // after a change, the requests waiting on the approver ask whoever decides for them now
        var away = new AwayPeriods(store, store, clock.withZone(zone), leaves::reassign);
        Optional<DigestScheduler> digest = LocalDigest.register(settings, engine, store, TeamCalendar.of(leaves),
                balancePolicies.companyCalendar(holidays), slack, teams, zone, clock.withZone(zone));
        engine.register(LeaveRequests.FUNCTION, new LeaveWorkflow(store, notifier, policy, away, balances,
                slack.map(s -> s.status(store, tokenSeal, clock)).orElse(ChatStatus.NONE), admins, clock.withZone(zone))).start();

        var web = WebServer.builder(leaves).address(bind).port(httpPort).zone(zone).decisionLinks(links).awayPeriods(away);
        settings.optional("LEAVEBOT_API_KEY").ifPresent(key -> web.apiKey(ApiKey.of(key)));
        slack.ifPresent(s -> web.chatApp(ChatApp.SLACK));
        teams.ifPresent(t -> web.chatApp(ChatApp.TEAMS));
        // calendar feeds and reports: every person's feed links and admins' report links, in chat and on the web
        var roles = leaves.roles();
        var feeds = new CalendarFeeds(store, store, roles, clock.withZone(zone), publicUrl);
        var reportLinks = new ReportLinks(links, publicUrl, clock);
        web.calendarFeeds(feeds).reports(new LeaveReport(store, balances), reportLinks);
        var exports = new ExportCommands(feeds, reportLinks, roles, "leave", clock.withZone(zone));
        Optional<SlackConnect> statusLink = slack.flatMap(s -> s.statusLink(settings, publicUrl, linkSecret, tokenSeal, store, clock));
        slack.ifPresent(s -> s.connect(leaves, away, policy, texts, clock.withZone(zone), web, exports, statusLink));
        teams.ifPresent(t -> t.connect(leaves, away, policy, clock.withZone(zone), web, exports));
        workspace.ifPresent(w -> w.serve(web, engine, leaves));
        LocalOps.serve(web, settings, metrics, engine, store, dataDir, outbox(settings, dataDir));
        WebServer webServer = null;
        try {
            webServer = listening("LEAVEBOT_HTTP_PORT", bind, httpPort, web::start);
            URI webUri = webServer.uri();
            slack.ifPresent(s -> s.start(webUri));
            var durableApi = durable.map(api -> listening(DurableApi.PORT, api.address, api.port, () -> api.start(engine)));
            digest.ifPresent(DigestScheduler::start); // after the engine: a missed morning's digest starts at once
            return new Running(webServer, durableApi, engine, store, slack, teams, digest, lock);
        } catch (RuntimeException e) {
            // stop what already runs, so that the message is all that is left
            slack.ifPresent(LocalSlack::close);
            if (webServer != null) {
                webServer.close();
            }
            engine.close();
            store.close();
            throw e;
        }
    }

    /** Starts a server on the port {@code setting} names; a port in use stops start-up with one line saying so. */
    private static <T> T listening(String setting, InetAddress address, int port, Supplier<T> start) {
        try {
            return start.get();
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof BindException bind)) {
                throw e;
            }
            throw new SettingsException(setting + ": LeaveBot cannot listen on " + address.getHostAddress() + ":" + port
                    + " (" + bind.getMessage() + "); choose a free port (0 = any) or stop the program that uses it");
        }
    }

    private static Mailer mailer(Settings settings, Path dataDir) {
        if (outbox(settings, dataDir) == null) {
            String host = settings.optional("SMTP_HOST")
                    .orElseThrow(() -> new SettingsException("LEAVEBOT_MAIL=smtp needs SMTP_HOST (and usually SMTP_PORT)"));
            return new SmtpMailer(new SmtpSettings(host, settings.port("SMTP_PORT", 587), settings.optional("SMTP_USERNAME").orElse(null),
                    settings.optional("SMTP_PASSWORD").orElse(null), settings.flag("SMTP_STARTTLS"), Duration.ofSeconds(20)));
        }
        return new OutboxMailer(outbox(settings, dataDir));
    }

    /** The outbox folder e-mail is written to; null when it goes out by SMTP. */
    private static Path outbox(Settings settings, Path dataDir) {
        return settings.string("LEAVEBOT_MAIL", "outbox").equalsIgnoreCase("smtp") ? null : dataDir.resolve("outbox");
    }

    /**
     * The balance policy: {@value PolicyFile#POLICY_FILE_ENV} (or {@value PolicyFile#POLICY_ENV}); else, when the local
     * workspace plays Slack, its team's policy ({@link People#builtInPolicies}), so balances can be tried at once;
     * else {@link BalancePolicies#defaults} for {@value PolicyFile#COUNTRY_ENV} and {@value PolicyFile#REGION_ENV} (no
     * public holidays when unset).
     */
    private static BalancePolicies balancePolicies(Settings settings, LeavePolicy policy, boolean workspace) {
        boolean configured = Stream.of(PolicyFile.POLICY_ENV, PolicyFile.POLICY_FILE_ENV, PolicyFile.COUNTRY_ENV, PolicyFile.REGION_ENV)
                .anyMatch(name -> settings.optional(name).isPresent());
        try {
            return workspace && !configured ? People.builtInPolicies(policy.types()) : PolicyFile.fromSettings(settings::optional, policy.types());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    /** {@value LeaveBotNames#ADMINS_ENV}: who may adjust balances and cancel anyone's leave. */
    private static Set<String> admins(Settings settings) {
        try {
            return Admins.fromList(settings.optional(LeaveBotNames.ADMINS_ENV), LeaveBotNames.ADMINS_ENV);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static ApproverRouting routing(Settings settings) {
        var file = settings.optional("LEAVEBOT_ROUTING_FILE");
        if (file.isPresent()) {
            return ApproverRouting.fromFile(Path.of(file.get()));
        }
        return ApproverRouting.single(defaultApprover(settings));
    }

    /** Without a name, texts name the approver by address ("sent to manager@example.com") and greet with "Hello,". */
    private static Person defaultApprover(Settings settings) {
        return ApproverRouting.approverOf(settings.string("LEAVEBOT_APPROVER_EMAIL", "manager@example.com"),
                settings.optional("LEAVEBOT_APPROVER_NAME").orElse(null), "LEAVEBOT_APPROVER_EMAIL");
    }

    private static void printWelcome(Settings settings, Running running) {
        var web = running.web();
        System.out.println("LeaveBot is running.");
        System.out.println("  data:               " + Path.of(settings.string("LEAVEBOT_DATA_DIR", "leavebot-data")).toAbsolutePath()
                + " (executions, leave requests, outbox/)");
        System.out.println("  decision links:     " + web.uri() + "/decide");
        System.out.println(settings.optional("LEAVEBOT_API_KEY").isPresent()
                ? "  JSON API:           " + web.uri() + "/api/leaves  (Authorization: Bearer <LEAVEBOT_API_KEY>)"
                : "  JSON API:           off — set LEAVEBOT_API_KEY (24+ characters) to turn it on");
        System.out.println("  health:             " + web.uri() + "/healthz");
        System.out.println(settings.flag(LocalOps.METRICS) ? "  metrics:            " + web.uri() + "/metrics  (Prometheus)"
                : "  metrics:            off — set " + LocalOps.METRICS + "=true for Prometheus at /metrics");
        System.out.println("  Lambda durable API: " + running.durableApi()
                .map(api -> String.join("\n                      ", api.describe()))
                .orElse("off — set " + DurableApi.PORT + " to call the engine with the AWS CLI or SDKs (see README, \"Security\")"));
        System.out.println("  Slack:              " + running.slack().map(s -> s.describe(web.uri().toString()))
                .orElse("off — set SLACK_BOT_TOKEN and SLACK_APP_TOKEN or SLACK_SIGNING_SECRET (see README, \"Slack\")"));
        System.out.println("  Teams:              " + running.teams().map(t -> LocalTeams.describe(web.uri().toString()))
                .orElse("off — set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID (see README, \"Teams\")"));
        System.out.println("  who's-out digest:   " + running.digest().map(DigestScheduler::describe)
                .orElse("off — set " + LocalDigest.SLACK_CHANNEL + " or " + LocalDigest.TEAMS_CONVERSATION + " (see README, \"The daily digest\")"));
        if (settings.optional("LEAVEBOT_ROUTING_FILE").isEmpty() && settings.optional("LEAVEBOT_APPROVER_EMAIL").isEmpty()
                && running.slack().filter(LocalSlack::isWorkspace).isEmpty()) {
            System.out.println("  approver:           manager@example.com for everyone — set LEAVEBOT_ROUTING_FILE or LEAVEBOT_APPROVER_EMAIL");
        }
        System.out.println("Stop with Ctrl+C; every request resumes where it was on the next start.");
    }
}
