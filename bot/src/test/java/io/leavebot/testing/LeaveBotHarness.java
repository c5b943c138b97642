package io.leavebot.testing;

import io.leavebot.chat.ExportCommands;
import io.leavebot.exports.CalendarFeeds;
import io.leavebot.exports.ReportLinks;
import io.leavebot.workflow.Roles;
import java.util.Optional;
import io.leavebot.workflow.StandIns;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.Balances;
import io.leavebot.balance.Holidays;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.email.DecisionLinks;
import io.leavebot.email.EmailRenderer;
import io.leavebot.email.Mailer;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.store.Store;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.NewLeave;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatChannel;
import io.leavebot.notify.ChatStatus;
import io.leavebot.notify.Notifier;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.workflow.AwayPeriods;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveWorkflow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LeaveBot on one machine, as the local launcher wires it, for workflow tests: the embedded engine on a
 * {@link TestClock} with its SQLite file in a temporary folder, the leave store and mail of a {@link StoreAndMail}
 * (by default a SQLite file and SMTP to GreenMail, where every delivery counts, so a duplicate shows), and
 * {@link LeaveRequests} as front ends use it. Everyone is reached by e-mail unless a {@link ChatChannel} is given.
 * Register with {@code @RegisterExtension}; each test gets a fresh bot, and everything is closed afterwards.
 *
 * <p>Time moves only through {@link #advance}; {@link #crash} and {@link #reopen} stand for a killed process
 * restarted on the same files, {@link #reopenWith} for one restarted with other workflow code (replay tests).
 */
public final class LeaveBotHarness implements BeforeEachCallback, AfterEachCallback {
    public static final Person ADA = SampleLeaves.ADA;
    public static final Person GRACE = SampleLeaves.GRACE;
    public static final Person ALAN = SampleLeaves.ALAN;
    /** The approver's time to decide; reminders fall due at 50 s and 90 s. */
    public static final Duration TIMEOUT = Duration.ofSeconds(100);
    public static final LeavePolicy POLICY = LeavePolicy.DEFAULT.withApprovalTimeout(TIMEOUT);
    /** Everyone: Monday to Friday, no public holidays, 25 days of annual leave a calendar year, other types not limited. */
    public static final BalancePolicies BALANCES = BalancePolicies.defaults(null, null, POLICY.types());
    /** One for every bot the harness opens, as one per process: it keeps the calendars it loaded. */
    private static final Holidays HOLIDAYS = new Holidays();
    public static final DecisionLinks LINKS = new DecisionLinks("a-test-secret-that-is-long-enough-for-hmac", "http://127.0.0.1:3000/decide");

    /** Builds the workflow an engine runs from what the bot wires; {@code LeaveWorkflow::new} builds the current one. */
    @FunctionalInterface
    public interface WorkflowFactory {
        DurableHandler<NewLeave, LeaveStatus> create(LeaveStore store, Notifier notifier, LeavePolicy policy, Clock clock);
    }

    /** The chat channels of a (re)opened bot, in the order the notifier tries them; they may keep addresses in the store. */
    @FunctionalInterface
    public interface ChatFactory {
        List<ChatChannel> open(Store store, Clock time);
    }

    private final StoreAndMail storeAndMail;
    private final ChatFactory chats;
    private Person approver = GRACE;
    private ApproverRouting routing;
    private BalancePolicies balancePolicies = BALANCES;
    private Set<String> admins = Set.of();
    private ChatStatus chatStatus = ChatStatus.NONE;
    private Path dir;
    private TestClock clock;
    private Store store;
    private AwayPeriods away;
    private final List<Person> awayChanged = new CopyOnWriteArrayList<>();
    private Mailer mailer;
    private EmbeddedEngine engine;
    private LeaveRequests leaves;

    /** The self-hosted shape (SQLite, SMTP); everyone is reached by e-mail. */
    public LeaveBotHarness() {
        this(StoreAndMail.sqliteAndSmtp(), (store, time) -> List.of());
    }

    /**
     * People {@code chat} can reach are reached there first: a {@link RecordingChat} for tests of the channel
     * choice, the real Slack channel over the WireMock {@link SlackApi} for tests of what Slack receives.
     */
    public LeaveBotHarness(ChatChannel chat) {
        this(StoreAndMail.sqliteAndSmtp(), (store, time) -> List.of(chat));
    }

    /** People the channels {@code chats} opens can reach are reached there first (Slack and Teams, say). */
    public LeaveBotHarness(ChatFactory chats) {
        this(StoreAndMail.sqliteAndSmtp(), chats);
    }

    /** LeaveBot on the given store and mail system; everyone is reached by e-mail. */
    public LeaveBotHarness(StoreAndMail storeAndMail) {
        this(storeAndMail, (store, time) -> List.of());
    }

    private LeaveBotHarness(StoreAndMail storeAndMail, ChatFactory chats) {
        this.storeAndMail = storeAndMail;
        this.chats = chats;
    }

    /** Everyone's approver from now on (before the test starts: Grace); takes effect when the bot is (re)opened. */
    public LeaveBotHarness withApprover(Person person) {
        this.approver = person;
        this.routing = null;
        return this;
    }

    /** Who approves whom from now on (chains, teams, timeouts); takes effect when the bot is (re)opened. */
    public LeaveBotHarness withRouting(ApproverRouting value) {
        this.routing = value;
        return this;
    }

    /** The balance policy from now on (before the test starts: {@link #BALANCES}); takes effect when the bot is (re)opened. */
    public LeaveBotHarness withBalancePolicies(BalancePolicies value) {
        this.balancePolicies = value;
        return this;
    }

    /** Who the admins are (their person keys) from now on; takes effect when the bot is (re)opened. */
    public LeaveBotHarness withAdmins(Person... people) {
        this.admins = Stream.of(people).map(Person::key).collect(java.util.stream.Collectors.toUnmodifiableSet());
        return this;
    }

    /** The chat status the workflow sets and clears (before the test starts: none); takes effect when the bot is (re)opened. */
    public LeaveBotHarness withChatStatus(ChatStatus value) {
        this.chatStatus = value;
        return this;
    }

    /** Balances of {@code policies} on {@code store}'s ledger, as the launcher builds them. */
    public static Balances balances(BalancePolicies policies, Store store, Clock clock) {
        return new Balances(policies, HOLIDAYS, store, store::listByEmployee, clock);
    }

    /** Where the web app is, for links (feeds, reports) the bot makes. */
    public static final String PUBLIC_URL = "http://127.0.0.1:3000";

    /** Who sees what: the bot's admins and routing. */
    public Roles roles() {
        return leaves.roles();
    }

    /** Calendar feeds over the bot's store, as the launcher builds them. */
    public CalendarFeeds feeds() {
        return new CalendarFeeds(store, store, roles(), time(), PUBLIC_URL);
    }

    public ReportLinks reportLinks() {
        return new ReportLinks(LINKS, PUBLIC_URL, time());
    }

    /** The calendar and report commands of chat, on {@link #feeds} and {@link #reportLinks}. */
    public ExportCommands exports() {
        return new ExportCommands(feeds(), reportLinks(), roles(), "leave", time());
    }

    /** The balances of the bot as it is now. */
    public Balances balances() {
        return leaves.balances();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("leavebot-flow");
        clock = new TestClock();
        storeAndMail.beforeEach();
        reopen();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        crash();
        storeAndMail.afterEach();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The day after {@link #submission Ada's request}: at its midnight the leave is over and its execution ends. */
    public static final LocalDate AFTER_THE_SAMPLE = LocalDate.of(2026, 1, 17);

    /** Ada's request for Mon 12 – Fri 16 Jan 2026 (the clock starts on Mon 5 Jan). */
    public static LeaveSubmission submission(String requestId) {
        return new LeaveSubmission(requestId, ADA, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit");
    }

    public LeaveRequests leaves() {
        return leaves;
    }

    /** Approvers' away periods and stand-ins, on the bot's store; {@link #awayChanged} hears of each change. */
    public AwayPeriods away() {
        return away;
    }

    /** The approvers whose away periods or stand-in changed, in order, as the onChange hook heard them. */
    public List<Person> awayChanged() {
        return awayChanged;
    }

    /** The leave store of the bot as it is now (a new one after each reopen). */
    public Store store() {
        return store;
    }

    /** Submits {@link #submission Ada's request} and lets the workflow run until the approver has been asked. */
    public LeaveRequest submitted(String requestId) {
        var submitted = leaves.submit(submission(requestId));
        if (!submitted.accepted()) {
            throw new AssertionError("the sample request was refused: " + submitted.errors());
        }
        settle();
        return leave(requestId);
    }

    public LeaveRequest leave(String requestId) {
        return store.get(requestId).orElseThrow();
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public Instant now() {
        return clock.now();
    }

    /** The test clock as the {@link Clock} the application reads (it follows the clock across reopens). */
    public Clock time() {
        return new EngineTime(this::now);
    }

    /** Lets the engine run until nothing is due. */
    public void settle() {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)), "the engine did not settle");
    }

    /** Moves time on and lets every timer that fell due fire. */
    public void advance(Duration duration) {
        clock.advance(duration);
        settle();
    }

    /** Moves time on to midnight at the start of {@code day} (UTC, as the tests run), letting every timer that falls due fire. */
    public void advanceTo(LocalDate day) {
        advance(Duration.between(now(), day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /**
     * The waits of the request's execution that started and have not ended, by name: {@code until-leave-starts}
     * while approved leave waits for its first day (reminder waits an answer overtook stay open too).
     */
    public List<String> openWaits(String requestId) {
        Map<String, String> open = new LinkedHashMap<>();
        for (Event event : history(requestId)) {
            switch (event.eventType()) {
                case "WaitStarted" -> open.put(event.id(), event.name());
                case "WaitSucceeded", "WaitCancelled" -> open.remove(event.id());
                default -> { }
            }
        }
        return List.copyOf(open.values());
    }

    /** Moves time on while the process is down ({@link #crash}); timers fire late, once it is {@link #reopen}ed. */
    public void advanceWhileDown(Duration duration) {
        clock.advance(duration);
    }

    /** The execution carrying the request. */
    public DurableExecution execution(String requestId) {
        return engine.listExecutions(LeaveRequests.FUNCTION, ExecutionQuery.named(LeaveRequest.executionNameFor(requestId)))
                .executions().stream().findFirst().orElseThrow();
    }

    public List<Event> history(String requestId) {
        return engine.getHistory(execution(requestId).durableExecutionArn(), null, 1000).events();
    }

    /** Every message delivered so far (also before mail server restarts), per recipient oldest first. */
    public List<ReceivedMail> mail() {
        return storeAndMail.mail();
    }

    /** Messages to {@code person} whose subject starts with {@code subjectStart}. */
    public List<ReceivedMail> mailTo(Person person, String subjectStart) {
        return mail().stream().filter(m -> m.to().equals(person.email()) && m.subject().startsWith(subjectStart)).toList();
    }

    /** The SMTP server goes away (connections are refused) until {@link #startMailAgain}. */
    public void stopMail() {
        smtp().stopSmtp();
    }

    /** The SMTP server is back, on the same port. */
    public void startMailAgain() {
        smtp().startSmtp(smtp().port());
    }

    /** The process dies: engine, store and mailer are closed wherever they are; files and tables stay. */
    public void crash() {
        if (engine != null) {
            engine.close();
            try {
                storeAndMail.close(store, mailer);
            } catch (Exception e) {
                throw new IllegalStateException("cannot close the store or the mailer: " + e, e);
            }
            engine = null;
        }
    }

    /**
     * Stops this bot and starts this version on a copy of {@code dataDir}'s executions and leave requests (a data
     * folder as an earlier release left it), with the clock at {@code at}: an upgrade in place.
     */
    public void reopenOnReleasedData(Path dataDir, Instant at) throws IOException {
        smtp(); // the release kept its requests in SQLite
        crash();
        for (String file : List.of("leavebot.db", "leaves.db")) {
            for (String suffix : List.of("-wal", "-shm")) {
                Files.deleteIfExists(dir.resolve(file + suffix));
            }
            Files.copy(dataDir.resolve(file), dir.resolve(file), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        clock.set(at);
        reopen();
    }

    /** A new process on the same files: engine, store and front-end service built again; the engine recovers. */
    public void reopen() {
        // stand-ins as the away periods say: the workflow reads them when it asks an approver
        StandIns standIns = new StandIns() { // the away periods of the bot as (re)opened: the field is set after the engine starts
            @Override
            public Optional<Person> actingFor(Person approver, LocalDate day) {
                return away.actingFor(approver, day);
            }

            @Override
            public Optional<LocalDate> awayUntil(Person approver, LocalDate day) {
                return away.awayUntil(approver, day);
            }
        };
        reopenWith((store, notifier, policy, time) -> new LeaveWorkflow(store, notifier, policy, standIns,
                balances(balancePolicies, (Store) store, time), chatStatus, admins, time));
    }

    /** Like {@link #reopen}, with {@code workflow}'s handler registered under {@link LeaveRequests#FUNCTION}. */
    public void reopenWith(WorkflowFactory workflow) {
        crash(); // one process at a time on the files: a bot still open is ended first
        store = storeAndMail.openStore(dir);
        mailer = storeAndMail.openMailer();
        Clock time = time();
        var emails = new EmailRenderer(new NotificationTexts(ZoneId.of("UTC")), LINKS, "LeaveBot <leavebot@example.org>", TIMEOUT);
        var notifier = new Notifier(store, chats.open(store, time), mailer, emails, time);
        engine = EmbeddedEngine.builder(dir.resolve("leavebot.db")).clock(clock).build();
        engine.register(LeaveRequests.FUNCTION, workflow.create(store, notifier, POLICY, time)).start();
        leaves = new LeaveRequests(store, engine, LeaveRequests.FUNCTION, new LeaveValidator(POLICY),
                routing != null ? routing : ApproverRouting.single(approver), store, balances(balancePolicies, store, time), admins, time);
        away = new AwayPeriods(store, store, time, approver -> {
            awayChanged.add(approver);
            leaves.reassign(approver);
        });
        settle();
    }

    private StoreAndMail.SqliteAndSmtp smtp() {
        if (storeAndMail instanceof StoreAndMail.SqliteAndSmtp smtp) {
            return smtp;
        }
        throw new IllegalStateException("only the SMTP shape can take its mail server away");
    }
}
