package io.leavebot.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.leavebot.email.MailException;
import io.leavebot.notify.ChatUnavailableException;
import io.leavebot.testing.PrometheusText;
import io.leavebot.testing.RecordingChat;
import io.leavebot.testing.SampleLeaves;
import org.junit.jupiter.api.Test;

/** A failed delivery is counted under its channel and still reaches the notifier, which falls back or retries. */
class MeteredChannelsTest {
    private final LeaveBotMetrics metrics = new LeaveBotMetrics();

    @Test
    void aChatThatIsDownCountsEachFailureAndStillFails() {
        var slack = new MeteredChat(new RecordingChat().down(), metrics);

        assertThrows(ChatUnavailableException.class, () -> slack.deliver(SampleLeaves.ADA, null, null));
        assertThrows(ChatUnavailableException.class, () -> slack.update("C0DM/1", null));

        assertEquals(2, PrometheusText.parse(metrics.scrape()).value("leavebot_notification_failures_total", "channel", "slack"));
    }

    @Test
    void aMailThatCannotBeHandedOverIsCountedAsEmail() {
        var mail = new MeteredMailer(email -> {
            throw new MailException("the SMTP server is down", null, true);
        }, metrics);

        assertThrows(MailException.class, () -> mail.send(null));

        assertEquals(1, PrometheusText.parse(metrics.scrape()).value("leavebot_notification_failures_total", "channel", "email"));
    }
}
