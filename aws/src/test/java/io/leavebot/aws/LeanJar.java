package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.leavebot.LeaveBotNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a handler as Lambda does, in a fresh JVM whose class path is only {@code target/leavebot-lambda.jar} unzipped
 * into a folder, as Lambda unzips a function's package into {@code /var/task} and loads its classes from there, and
 * {@link LambdaHarness} (copied alone into a folder of its own), with the JVM options the CDK stack sets
 * ({@link #JAVA_TOOL_OPTIONS}) and an environment holding nothing but the function's settings and the AWS services'
 * stand-ins ({@link #awsAt}), each reached over TLS as on Lambda ({@link TlsFronts}). Each run gives the handler's answer
 * and its cold start.
 */
final class LeanJar {
    /** As {@code infra}'s BotFunction sets it on every function. */
    static final String JAVA_TOOL_OPTIONS = LeaveBotNames.LAMBDA_JVM_OPTIONS;
    private static final Pattern TIMING = Pattern.compile(LambdaHarness.TIMING + " init-at=(\\d+) answer-at=(\\d+) cpu=(-?\\d+)");

    /**
     * A handler's first answer and how long the fresh JVM took to build it and to answer.
     *
     * @param cpuMs           the CPU time its JVM had used when it answered, all threads; -1 where the JDK cannot tell
     * @param slackSdkClasses the Slack SDK, OkHttp, Okio, Kotlin and Gson classes it loaded; -1 when not counted
     */
    record Run(String handler, String answer, long initMs, long answerMs, long cpuMs, long slackSdkClasses) {
    }

    /** What the Slack SDK brings along: what the functions that only send to Slack should not load. */
    private static final Pattern SLACK_SDK_CLASS = Pattern.compile("\\] (com\\.slack\\.api\\.|okhttp3\\.|okio\\.|kotlin\\.|com\\.google\\.gson\\.)\\S+ source:");

    private final Path jar;
    /** The jar's entries, unzipped: Lambda's {@code /var/task}. */
    private final Path task;
    private final Path harness;
    private final TlsFronts tls;
    private final List<Run> runs = new CopyOnWriteArrayList<>();
    /** Whether the next runs log their class loading, to count the Slack SDK's classes (it costs the cold start a little). */
    private volatile boolean countClasses;

    LeanJar() {
        jar = Path.of(System.getProperty("leavebot.lambda.jar", "target/leavebot-lambda.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run the integration tests after package");
        }
        try {
            task = Files.createTempDirectory("lambda-task");
            unzip(jar, task);
            harness = Files.createTempDirectory("lambda-harness");
            tls = new TlsFronts(harness);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(task, harness)));
            Path classes = harness.resolve("io/leavebot/aws");
            Files.createDirectories(classes);
            try (InputStream in = LambdaHarness.class.getResourceAsStream("LambdaHarness.class")) {
                Files.write(classes.resolve("LambdaHarness.class"), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The AWS variables Lambda sets (region, credentials), every service at its stand-in in {@code aws}. */
    static Map<String, String> awsAt(AwsClients aws) {
        var credentials = aws.credentials();
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", aws.region(),
                "AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey()));
        putEndpoint(env, "DYNAMODB", aws.dynamoDbEndpoint());
        putEndpoint(env, "SESV2", aws.sesEndpoint());
        putEndpoint(env, "LAMBDA", aws.lambdaEndpoint());
        putEndpoint(env, "SECRETS_MANAGER", aws.secretsManagerEndpoint());
        return env;
    }

    private static void putEndpoint(Map<String, String> env, String service, URI endpoint) {
        if (endpoint != null) {
            env.put("AWS_ENDPOINT_URL_" + service, endpoint.toString());
        }
    }

    /** From now on, whether each run counts the Slack SDK's classes it loads ({@link Run#slackSdkClasses}). */
    void countSlackSdkClasses(boolean count) {
        countClasses = count;
    }

    /** Starts {@code handler} (a simple class name) in a fresh JVM, gives it {@code event}, returns its answer. */
    Run run(String handler, Map<String, String> env, Map<String, String> properties, String event) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // e.g. -Dleavebot.lambda.jvmOptions=-Xlog:class+load:file=/tmp/classes-%p.log to look inside a cold start
        String extra = System.getProperty("leavebot.lambda.jvmOptions", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        Path classLog = countClasses ? harness.resolve(handler + "-" + System.nanoTime() + ".classes") : null;
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog);
        }
        command.addAll(tls.jvmOptions());
        tls.overTls(properties, LambdaHarness.ENDPOINTS).forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", task + java.io.File.pathSeparator + harness, LambdaHarness.class.getName(), handler));
        var process = new ProcessBuilder(command);
        process.environment().clear();
        process.environment().putAll(tls.overTls(env, Set.of()));
        process.environment().putAll(tls.environment());
        process.environment().put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        try {
            long launched = System.currentTimeMillis(); // the cold start counts from here: the JVM's creation is part of it
            Process started = process.start();
            CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(started.getErrorStream()));
            try (OutputStream in = started.getOutputStream()) {
                in.write(event.getBytes(StandardCharsets.UTF_8));
            }
            String answer = read(started.getInputStream());
            if (!started.waitFor(60, TimeUnit.SECONDS)) {
                started.destroyForcibly();
                throw new IllegalStateException(handler + " did not answer within 60 s: " + errors.getNow(""));
            }
            String stderr = errors.get(10, TimeUnit.SECONDS);
            assertEquals(0, started.exitValue(), () -> handler + " failed on the lean jar:\n" + stderr);
            // the logging backend is in the jar and starts: no SLF4J fallback to "no providers";
            // nothing the jar's shrinking cut (a class, or a method or field of a kept class) was reached, even if
            // a handler caught it and answered politely
            for (String broken : List.of("No SLF4J providers", "SLF4J(W)", "NoClassDefFoundError",
                    "NoSuchMethodError", "NoSuchFieldError", "AbstractMethodError", "ClassNotFoundException")) {
                if (stderr.contains(broken)) {
                    throw new IllegalStateException(handler + " on the lean jar wrote \"" + broken + "\":\n" + stderr);
                }
            }
            Matcher timing = TIMING.matcher(stderr);
            if (!timing.find()) {
                throw new IllegalStateException(handler + " printed no timing:\n" + stderr);
            }
            Run run = new Run(handler, answer, Long.parseLong(timing.group(1)) - launched, Long.parseLong(timing.group(2)) - launched,
                    Long.parseLong(timing.group(3)), classLog == null ? -1 : slackSdkClassesIn(classLog));
            runs.add(run);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A durable function for the engine to register: each invocation runs {@code handler} in a fresh JVM on the lean
     * jar, which checkpoints through the Lambda API in {@code env} (the engine's REST façade), as on AWS.
     */
    RequestStreamHandler durableFunction(String handler, Map<String, String> env, Map<String, String> properties) {
        return (InputStream input, OutputStream output, Context context) -> {
            Run run = run(handler, env, properties, new String(input.readAllBytes(), StandardCharsets.UTF_8));
            output.write(run.answer().getBytes(StandardCharsets.UTF_8));
        };
    }

    /** Every run so far, oldest first. */
    List<Run> runs() {
        return List.copyOf(runs);
    }

    private static void deleteTree(Path... folders) {
        for (Path folder : folders) {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind is no failure of the test
            }
        }
    }

    private static void unzip(Path zip, Path folder) throws IOException {
        try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = folder.resolve(entry.getName()).normalize();
                if (!target.startsWith(folder)) {
                    throw new IOException(zip + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    private static long slackSdkClassesIn(Path classLog) throws IOException {
        try (var lines = Files.lines(classLog)) {
            return lines.filter(line -> SLACK_SDK_CLASS.matcher(line).find()).count();
        } finally {
            Files.deleteIfExists(classLog);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
