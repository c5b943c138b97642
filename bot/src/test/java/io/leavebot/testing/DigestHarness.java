package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.Holidays;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.NotificationTexts;
import io.leavebot.slack.SlackDigestChannel;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.teams.TeamsApp;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.DigestMornings;
import io.leavebot.workflow.DigestWorkflow;
import io.leavebot.workflow.Roles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The who's-out digest as the local launcher runs it: {@link DigestWorkflow} in the embedded engine on a
 * {@link TestClock} (starting Wed 2 Dec 2026, 07:00 UTC), over a SQLite store in a temporary folder, posting to
 * the Slack channel {@value #SLACK_CHANNEL} on the WireMock {@link SlackApi} and to the Teams channel
 * {@value #TEAMS_CONVERSATION} on the WireMock {@link TeamsApi}. Teams come from a routing file: Ada and Alan in
 * Platform, Grace in Design, everyone else in none. The digest is due at 09:00 UTC on working days, Monday to Friday,
 * with the public holidays of {@code de} (Christmas on Fri 25 Dec 2026). {@link #crash} and {@link #reopen} stand
 * for a killed process restarted on the same files. Register with {@code @RegisterExtension}.
 */
public final class DigestHarness implements BeforeEachCallback, AfterEachCallback {
    public static final String SLACK_CHANNEL = "C0DIGEST";
    public static final String TEAMS_CONVERSATION = "19:digest-channel@thread.tacv2";
    public static final Instant START = Instant.parse("2026-12-02T07:00:00Z");
    public static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    /** Ada and Alan in Platform, Grace in Design. */
    public static final String ROUTING = """
            {"default": {"email": "boss@example.org"},
             "teams": {"Platform": {"members": ["ada@example.org", "alan@example.org"], "approvers": {"email": "boss@example.org"}},
                       "Design": {"members": ["grace@example.org"], "approvers": {"email": "boss@example.org"}}}}""";
    private static final Holidays HOLIDAYS = new Holidays();

    private final SlackApi slack = new SlackApi();
    private final TeamsApi teams = new TeamsApi();
    private Path dir;
    private TestClock clock;
    private SqliteLeaveStore store;
    private EmbeddedEngine engine;
    private DigestMornings mornings;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("leavebot-digest");
        clock = new TestClock(START);
        reopen();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        crash();
        slack.close();
        teams.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Opens the store and the engine on the files, with the digest registered, and starts the engine. */
    public void reopen() {
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        var time = new EngineTime(clock::now);
        var roles = new Roles(Set.of(), ApproverRouting.fromJson(ROUTING, "in the test"));
        var policies = BalancePolicies.defaults("de", null, List.of("annual"));
        var balances = LeaveBotHarness.balances(policies, store, time);
        List<DigestChannel> channels = List.of(new SlackDigestChannel(slack.botApi(), SLACK_CHANNEL),
                TeamsApp.connect(teams.settings(), store, new NotificationTexts(ZoneOffset.UTC), time)
                        .digestChannel(teams.serviceUrl(), TEAMS_CONVERSATION));
        engine = EmbeddedEngine.builder(dir.resolve("leavebot.db")).clock(clock).build();
        mornings = new DigestMornings(policies.companyCalendar(HOLIDAYS), DigestMornings.DEFAULT_TIME, ZoneOffset.UTC);
        var calendar = new TeamCalendar(store::forEachOverlapping, roles, balances::calendarOf);
        engine.register(DigestWorkflow.FUNCTION, new DigestWorkflow(calendar, store.digestDays(), store, channels, time));
        engine.start();
    }

    /** Stops everything as a killed process would. */
    public void crash() {
        if (engine != null) {
            engine.close();
            store.close();
            engine = null;
        }
    }

    /** Leave of {@code employee} recorded as approved (no reason a channel may see: "Secret surgery"). */
    public LeaveRequest approved(String id, Person employee, LocalDate start, LocalDate end) {
        store.create(SampleLeaves.request(id, employee, start, end, false, "Secret surgery"));
        return store.decide(id, LeaveStatus.APPROVED, new Decision(SampleLeaves.GRACE, now(), null), now());
    }

    /** Leave of {@code employee} waiting for a decision. */
    public LeaveRequest pending(String id, Person employee, LocalDate start, LocalDate end, boolean halfDay) {
        return store.create(SampleLeaves.request(id, employee, start, end, halfDay, "Secret surgery"));
    }

    /** Lets the engine run until nothing is due. */
    public void settle() {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)), "the engine did not settle");
    }

    /** Starts the digest of {@code day} as the schedulers do and lets it run; the execution as it ended. */
    public DurableExecution runDigest(LocalDate day) {
        var started = DigestMornings.start(engine, DigestWorkflow.FUNCTION, day);
        return engine.awaitClosed(started.durableExecutionArn(), Duration.ofSeconds(20));
    }

    /** Moves the clock to {@code instant} (forward only). */
    public void setTime(Instant instant) {
        clock.set(instant);
    }

    public Instant now() {
        return clock.now();
    }

    /** The application's clock, following the test clock. */
    public EngineTime time() {
        return new EngineTime(clock::now);
    }

    public EmbeddedEngine engine() {
        return engine;
    }

    public SqliteLeaveStore store() {
        return store;
    }

    public DigestMornings mornings() {
        return mornings;
    }

    public SlackApi slack() {
        return slack;
    }

    public TeamsApi teams() {
        return teams;
    }

    /** Digest cards the bot sent to the Teams channel, oldest first. */
    public List<com.fasterxml.jackson.databind.JsonNode> teamsPosts() {
        return teams.sentTo(TEAMS_CONVERSATION);
    }
}
