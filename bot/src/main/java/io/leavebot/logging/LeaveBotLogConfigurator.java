package io.leavebot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.List;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Logback's configuration, in code: found through logback's {@link Configurator} service (no {@code logback.xml} is
 * looked for or parsed, which a Lambda cold start would pay for). One appender on standard output, with the
 * {@link LambdaJsonLayout} on Lambda and the {@link ReadableLayout} elsewhere; levels from {@link LogSettings};
 * java.util.logging (LeaveBot's own {@code System.Logger} lines, Jakarta Mail) bridged in.
 */
public final class LeaveBotLogConfigurator extends ContextAwareBase implements Configurator {
    /**
     * Loggers that print request or response bodies, credentials or signed requests below INFO, whatever the settings
     * ask: bodies hold people's names, reasons and Slack's verification token; signing traces hold AWS session tokens.
     */
    static final List<String> CLAMPED = List.of(
            "com.slack.api.util.http.listener", // the Slack SDK's DetailedLoggingListener: every Web API request and response body
            "com.slack.api.socket_mode",        // Socket Mode envelopes as received (payloads of commands and clicks)
            "com.slack.api.bolt.middleware",    // Bolt's SSL check logs the request payload and headers
            "com.slack.api.bolt.socket_mode",   // Bolt's Socket Mode app logs the bodies of failed requests
            "software.amazon.awssdk.request",   // the AWS SDK's request lines (and headers at TRACE)
            "software.amazon.awssdk.auth.signer",        // SigV4 canonical requests with X-Amz-Security-Token
            "software.amazon.awssdk.http.auth",          // the same for the SDK's newer signers
            "org.apache.http.wire", "org.apache.http.headers",                 // Apache HTTP client wire logs
            "org.apache.hc.client5.http.wire", "org.apache.hc.client5.http.headers",
            "org.eclipse.angus.mail", "jakarta.mail",    // SMTP protocol traces: whole messages with their decision links
            "jdk.internal.httpclient", "jdk.httpclient"); // the JDK HTTP client's traces: headers (Authorization) and frames

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogSecrets.registerSettings(System.getenv());
        apply(context, LogSettings.fromEnvironment());
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** (Re)configures {@code context}: the appender, the levels, the bridge; then warns of each bad setting. */
    static void apply(LoggerContext context, LogSettings settings) {
        context.reset();
        var propagator = new LevelChangePropagator(); // JUL loggers get logback's levels: a disabled line costs no record
        propagator.setContext(context);
        propagator.setResetJUL(true);
        propagator.start();
        context.addListener(propagator);

        Layout<ILoggingEvent> layout = settings.json() ? new LambdaJsonLayout() : new ReadableLayout();
        layout.setContext(context);
        layout.start();
        var encoder = new LayoutWrappingEncoder<ILoggingEvent>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        var console = new ConsoleAppender<ILoggingEvent>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(console);
        root.setLevel(settings.atLeastFloor(settings.root()));
        settings.packages().forEach((name, level) -> context.getLogger(name).setLevel(settings.atLeastFloor(level)));
        for (String name : CLAMPED) {
            Logger clamped = context.getLogger(name);
            if (!clamped.getEffectiveLevel().isGreaterOrEqual(Level.INFO)) {
                clamped.setLevel(Level.INFO);
            }
        }
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger(); // else JUL's console handler prints each line a second time
            SLF4JBridgeHandler.install();
        }
        Logger own = context.getLogger(LeaveBotLogConfigurator.class.getPackageName());
        settings.problems().forEach(own::warn);
    }
}
