package io.leavebot.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.leavebot.email.Mailer;
import io.leavebot.email.SmtpMailer;
import io.leavebot.email.SmtpSettings;
import io.leavebot.store.Store;
import io.leavebot.store.SqliteLeaveStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The leave store and the mail system a {@link LeaveBotHarness} runs on, in either of LeaveBot's two shapes:
 * self-hosted (a SQLite file and SMTP to GreenMail) or AWS ({@code DynamoDbAndSes} in module aws's tests: DynamoDB on
 * dynalite and SES on aws-ses-v2-local).
 */
public abstract class StoreAndMail {

    /** The self-hosted shape; the leave file lies beside the engine's. */
    public static StoreAndMail sqliteAndSmtp() {
        return new SqliteAndSmtp();
    }

    abstract void beforeEach() throws Exception;

    abstract Store openStore(Path dir);

    abstract Mailer openMailer();

    /** Every message delivered so far in this test, per recipient oldest first. */
    abstract List<ReceivedMail> mail();

    abstract void afterEach();

    void close(Store store, Mailer mailer) throws Exception {
        for (Object resource : new Object[] {store, mailer}) {
            if (resource instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    static final class SqliteAndSmtp extends StoreAndMail {
        private final List<ReceivedMail> beforeRestarts = new ArrayList<>();
        private GreenMail smtp;
        private int port;

        @Override
        void beforeEach() {
            startSmtp(0);
        }

        @Override
        Store openStore(Path dir) {
            // beside the engine's file, not in it: the engine does not yet survive another writer on its file
            // (a failed deferred transaction is neither committed nor rolled back, SQLITE_BUSY_SNAPSHOT forever)
            return new SqliteLeaveStore(dir.resolve("leaves.db"));
        }

        @Override
        Mailer openMailer() {
            return new SmtpMailer(SmtpSettings.unauthenticated("127.0.0.1", port));
        }

        @Override
        List<ReceivedMail> mail() {
            List<ReceivedMail> all = new ArrayList<>(beforeRestarts);
            Stream.of(smtp.getReceivedMessages()).map(ReceivedMail::of).forEach(all::add);
            return all;
        }

        void stopSmtp() {
            beforeRestarts.addAll(Stream.of(smtp.getReceivedMessages()).map(ReceivedMail::of).toList());
            smtp.stop();
        }

        int port() {
            return port;
        }

        void startSmtp(int onPort) {
            smtp = new GreenMail(new ServerSetup(onPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            port = smtp.getSmtp().getPort();
        }

        @Override
        void afterEach() {
            smtp.stop();
        }
    }
}
