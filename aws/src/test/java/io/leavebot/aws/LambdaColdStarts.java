package io.leavebot.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The Lambda figures for {@code bench/run bot}: the lean jar's size, and each handler's cold start as
 * {@link LambdaPackageIT} and {@link TeamsPackageIT} run it (a fresh JVM on the lean jar alone, with the CDK's JVM
 * options, to its first real answer), the best of {@code rounds}, since the first start also warms the file cache.
 * The jar is the one {@code leavebot.lambda.jar} names, built by {@code package}.
 */
public final class LambdaColdStarts {
    /** The suffix of the class counts among {@link #measure}'s figures. */
    public static final String SLACK_SDK_CLASSES = "_slack_sdk_classes";
    /** The suffix of the CPU times among {@link #measure}'s figures. */
    public static final String CPU_MS = "_cpu_ms";

    private LambdaColdStarts() {
    }

    /** The jar every function is deployed with, in MB (10^6 bytes). */
    public static double packageMegabytes() throws java.io.IOException {
        return Files.size(Path.of(System.getProperty("leavebot.lambda.jar", "aws/target/leavebot-lambda.jar"))) / 1e6;
    }

    /**
     * Handler's simple name → its best cold start in ms over {@code rounds}, each on fresh stand-ins; and, as
     * {@code <handler>_slack_sdk_classes}, how many Slack SDK, OkHttp, Okio, Kotlin and Gson classes it loaded (counted
     * in the first round, whose cold start the class log slows a little: the best of the rounds is the others'); and,
     * as {@code <handler>_cpu_ms}, the least CPU time a round's JVM had used by its answer.
     */
    public static Map<String, Long> measure(int rounds) throws Exception {
        LeanJar lean = new LeanJar();
        for (int i = 0; i < rounds; i++) {
            lean.countSlackSdkClasses(i == 0 && rounds > 1);
            inFreshStandIns(AwsFunctions.inSlack(), lean, FirstAnswers::slackRequestRecordedByTheWorkflow);
            inFreshStandIns(AwsFunctions.inSlack(), lean, FirstAnswers::apiCalendarFeed);
            inFreshStandIns(AwsFunctions.inSlack(), lean, FirstAnswers::digestScheduleAndDigest);
            inFreshStandIns(AwsFunctions.inTeams(), lean, FirstAnswers::teamsLeaveMessage);
        }
        Map<String, Long> best = new TreeMap<>();
        for (LeanJar.Run run : lean.runs()) {
            best.merge(run.handler(), run.answerMs(), Math::min);
            best.merge(run.handler() + CPU_MS, run.cpuMs(), Math::min);
            if (run.slackSdkClasses() >= 0) {
                best.merge(run.handler() + SLACK_SDK_CLASSES, run.slackSdkClasses(), Math::max);
            }
        }
        return best;
    }

    /** The extension's lifecycle, as JUnit runs it for one test (it reads nothing from the context). */
    private static void inFreshStandIns(AwsFunctions aws, LeanJar lean, BiConsumer<AwsFunctions, LeanJar> firstAnswer)
            throws Exception {
        aws.beforeAll(null);
        try {
            aws.beforeEach(null);
            try {
                firstAnswer.accept(aws, lean);
            } finally {
                aws.afterEach(null);
            }
        } finally {
            aws.afterAll(null);
        }
    }
}
