package io.leavebot.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.engine.TestClock;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.Event;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.email.DecisionLinks;
import io.leavebot.email.EmailRenderer;
import io.leavebot.email.SmtpMailer;
import io.leavebot.email.SmtpSettings;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.leave.SqliteLeaveStore;
import io.leavebot.notify.Notifier;
import io.leavebot.notify.NotificationTexts;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * LeaveBot on one machine, as the local launcher wires it, for workflow tests: the embedded engine on a
 * {@link TestClock} and the leave store in SQLite files in a temporary folder, e-mail over SMTP to GreenMail (every
 * delivery counts, so a duplicate shows), and {@link LeaveRequests} as front ends use it. Everyone is reached by
 * e-mail. Register with {@code @RegisterExtension}; each test gets a fresh bot, and everything is closed afterwards.
 *
 * <p>Time moves only through {@link #advance}; {@link #crash} and {@link #reopen} stand for a killed process
 * restarted on the same files.
 */
public final class LeaveBotHarness implements BeforeEachCallback, AfterEachCallback {
    public static final Person ADA = SampleLeaves.ADA;
    public static final Person GRACE = SampleLeaves.GRACE;
    public static final Person ALAN = SampleLeaves.ALAN;
    /** The approver's time to decide; reminders fall due at 50 s and 90 s. */
    public static final Duration TIMEOUT = Duration.ofSeconds(100);
    public static final LeavePolicy POLICY = LeavePolicy.DEFAULT.withApprovalTimeout(TIMEOUT);
    public static final DecisionLinks LINKS = new DecisionLinks("a-test-secret-that-is-long-enough-for-hmac", "http://127.0.0.1:3000/decide");

    private final List<ReceivedMail> mailBeforeRestarts = new ArrayList<>();
    private Path dir;
    private TestClock clock;
    private GreenMail smtp;
    private int smtpPort;
    private SqliteLeaveStore store;
    private EmbeddedEngine engine;
    private LeaveRequests leaves;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("leavebot-flow");
        clock = new TestClock();
        startMail(0);
        reopen();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        crash();
        smtp.stop();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Ada's request for Mon 12 – Fri 16 Jan 2026 (the clock starts on Mon 5 Jan). */
    public static LeaveSubmission submission(String requestId) {
        return new LeaveSubmission(requestId, ADA, "annual", LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 16), false, "Family visit");
    }

    public LeaveRequests leaves() {
        return leaves;
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

    /** Lets the engine run until nothing is due. */
    public void settle() {
        assertTrue(engine.awaitIdle(Duration.ofSeconds(20)), "the engine did not settle");
    }

    /** Moves time on and lets every timer that fell due fire. */
    public void advance(Duration duration) {
        clock.advance(duration);
        settle();
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

    /** Every message delivered so far (also before SMTP restarts), oldest first. */
    public List<ReceivedMail> mail() {
        List<ReceivedMail> all = new ArrayList<>(mailBeforeRestarts);
        Stream.of(smtp.getReceivedMessages()).map(ReceivedMail::of).forEach(all::add);
        return all;
    }

    /** Messages to {@code person} whose subject starts with {@code subjectStart}. */
    public List<ReceivedMail> mailTo(Person person, String subjectStart) {
        return mail().stream().filter(m -> m.to().equals(person.email()) && m.subject().startsWith(subjectStart)).toList();
    }

    /** The mail server goes away (connections are refused) until {@link #startMailAgain}. */
    public void stopMail() {
        mailBeforeRestarts.addAll(Stream.of(smtp.getReceivedMessages()).map(ReceivedMail::of).toList());
        smtp.stop();
    }

    public void startMailAgain() {
        startMail(smtpPort);
    }

    /** The process dies: engine and store are closed wherever they are; the files stay. */
    public void crash() {
        if (engine != null) {
            engine.close();
            store.close();
            engine = null;
        }
    }

    /** A new process on the same files: engine, store and front-end service built again; the engine recovers. */
    public void reopen() {
        // beside the engine's file, not in it: the engine does not yet survive another writer on its file
        // (its deferred transactions fail with SQLITE_BUSY_SNAPSHOT and stay stuck), see the flow report
        store = new SqliteLeaveStore(dir.resolve("leaves.db"));
        Clock time = new EngineTime(clock);
        var emails = new EmailRenderer(new NotificationTexts(ZoneId.of("UTC")), LINKS, "LeaveBot <leavebot@example.org>", TIMEOUT);
        var notifier = new Notifier(store, null, new SmtpMailer(SmtpSettings.unauthenticated("127.0.0.1", smtpPort)), emails, time);
        engine = EmbeddedEngine.builder(dir.resolve("leavebot.db")).clock(clock).build();
        engine.register(LeaveRequests.FUNCTION, new LeaveWorkflow(store, notifier, POLICY, time)).start();
        leaves = new LeaveRequests(store, engine, new LeaveValidator(POLICY), ApproverRouting.single(GRACE), time);
        settle();
    }

    private void startMail(int port) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtpPort = smtp.getSmtp().getPort();
    }

    /** The engine's test clock as the {@link Clock} the application reads. */
    private static final class EngineTime extends Clock {
        private final TestClock clock;

        EngineTime(TestClock clock) {
            this.clock = clock;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("LeaveBot's tests run in UTC");
        }

        @Override
        public Instant instant() {
            return clock.now();
        }
    }
}
