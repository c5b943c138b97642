package io.leavebot.infra;

import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.Stats;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.constructs.Construct;

/**
 * A front end people reach over HTTPS: a {@link BotFunction} with SnapStart, published as a version at every
 * change, the {@value LeaveBotStack#LIVE} alias on that version, and a Function URL on the alias.
 *
 * <p>The URL's auth type is NONE because the callers are Slack, Microsoft's Bot Connector and people's browsers,
 * which sign nothing AWS understands; each handler checks every request itself (the Slack signature, the Bot
 * Framework JWT, the decision link's HMAC, the API's bearer key). The URL is on the alias because SnapStart
 * applies only to published versions: {@code $LATEST} would start cold every time.
 *
 * <p>SnapStart runs the handler's constructor when the version is published and keeps the snapshot, so the secret
 * values the handler reads there are those of publishing time; {@code secretRevision} makes a new version.
 */
final class FrontEnd extends Construct {

    private final BotFunction bot;
    private final FunctionUrl url;

    /**
     * @param memoryMb       memory, and with it CPU, for the function
     * @param timeout        how long one request may run: as long as its caller waits for the answer, no longer
     * @param environment    the handler's settings
     * @param secretRevision mixed into the version, so that changing it publishes a new one
     */
    FrontEnd(Construct scope, String id, Code jar, String handler, int memoryMb, Duration timeout,
            Map<String, String> environment, String secretRevision) {
        super(scope, id);
        this.bot = new BotFunction(this, "Handler", jar, handler, function -> function
                .memorySize(memoryMb)
                .timeout(timeout)
                .environment(environment)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS));
        Annotations.of(bot.function()).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "every change publishes a version (currentVersion) and the Function URL is on its alias");
        bot.function().invalidateVersionBasedOn(secretRevision);
        var live = Alias.Builder.create(this, "Live")
                .aliasName(LeaveBotStack.LIVE)
                .version(bot.function().getCurrentVersion())
                .build();
        this.url = live.addFunctionUrl(FunctionUrlOptions.builder().authType(FunctionUrlAuthType.NONE).build());
    }

    /** The Function URL, {@code https://<id>.lambda-url.<region>.on.aws/} (with the slash). */
    String url() {
        return url.getUrl();
    }

    IRole role() {
        return bot.role();
    }

    Function function() {
        return bot.function();
    }

    /**
     * Requests answered with a 5xx, over 5 minutes: a failure the handler caught and answered with 500 (it never
     * throws at Lambda, so Lambda's {@code Errors} would not count it), and the function failing or timing out.
     */
    Metric serverErrors() {
        return bot.function().metric("Url5xxCount", MetricOptions.builder()
                .statistic(Stats.SUM).period(Duration.minutes(5)).build());
    }
}
