package io.leavebot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.app_backend.SlackSignature;
import io.leavebot.aws.LambdaColdStarts;
import io.leavebot.testing.SlackApi;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run bot}: the LeaveBot jar started as its own process, as {@code ./leavebot} starts it, with Slack
 * over HTTP; this process plays Slack (a WireMock Web API, and signed requests like Slack's). Measures the slash
 * command's ack under 32 concurrent senders (a closed loop), the time from an approver's click to the employee's
 * outcome DM, the cold start (JVM start to the first acked command), and the ack at a fixed offered rate (an open
 * loop, 200 commands/s for 30 s) with the server's CPU per command and its workflow; then the Lambda side: the lean
 * package's size, and each handler's cold start and the Slack SDK classes it loads. {@code -Dbench.only=lambda} measures the Lambda side alone. Prints one line per figure, then
 * one JSON object.
 */
public final class BotBenchmark {
    private static final String SECRET = "bench-signing-secret-0123456789abcdef";
    /** Each boss approves a team of this many employees (who else is away is listed from the team). */
    private static final int TEAM_SIZE = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final int SENDERS = Integer.getInteger("bench.senders", 32);
    private static final int COMMANDS = Integer.getInteger("bench.commands", 3200);
    private static final int CLICKS = Integer.getInteger("bench.clicks", 300);
    /** The open loop: commands per second, sent on schedule whatever the answers, for this many seconds. */
    private static final int OPEN_LOOP_RATE = Integer.getInteger("bench.openLoopRate", 200);
    private static final int OPEN_LOOP_SECONDS = Integer.getInteger("bench.openLoopSeconds", 30);
    private static final String OPEN_LOOP = "O";

    /** Every chat.postMessage Slack received: its channel, and when (System.nanoTime). */
    private record Post(String channel, long at, JsonNode blocks) {
    }

    private static final Map<String, List<Post>> POSTS = new ConcurrentHashMap<>();
    /** request id → the employee who asked, from the id the command's ack tells. */
    private static final Map<String, String> EMPLOYEE_BY_REQUEST = new ConcurrentHashMap<>();
    private static final Pattern REQUEST_ID = Pattern.compile("/leave cancel ([\\w-]+)");

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "local/target/leavebot.jar");
        var results = new LinkedHashMap<String, Object>();
        if (!"lambda".equals(System.getProperty("bench.only"))) {
            localServer(jar, results);
        }
        lambda(results);
        var json = new StringBuilder("{");
        results.forEach((k, v) -> json.append(json.length() > 1 ? ", " : "").append('"').append(k).append("\": ").append(v));
        System.out.println(json.append('}'));
        System.exit(0);
    }

    /** The jar started as its own process, with Slack over HTTP: acks under load, click to outcome, cold start. */
    private static void localServer(Path jar, Map<String, Object> results) throws Exception {
        try (SlackApi slack = new SlackApi()) {
            // anyone is a workspace member with an e-mail derived from their id; every approver lookup finds the boss
            slack.answer("users.info", "{\"ok\":true,\"user\":{\"id\":\"{{formData request.body 'form' urlDecode=true}}{{form.user}}\","
                    + "\"name\":\"{{form.user}}\",\"real_name\":\"Bench {{form.user}}\",\"profile\":{\"real_name\":\"Bench {{form.user}}\","
                    + "\"email\":\"{{form.user}}@bench.example\"}}}");
            slack.onCall("chat.postMessage", call -> POSTS.computeIfAbsent(call.get("channel"), c -> new CopyOnWriteArrayList<>())
                    .add(new Post(call.get("channel"), System.nanoTime(), call.containsKey("blocks") ? SlackApi.json(call, "blocks") : null)));

            int port = freePort();
            Path data = Files.createTempDirectory("leavebot-bench-bot");
            Process server = start(jar, data, port, slack.baseUrl() + "/api/", routing(data));
            try {
                URI events = URI.create("http://127.0.0.1:" + port + "/slack/events");
                coldStart(server, events, results);
                acks(server, events, results);
                clicks(events, slack, results);
                openLoop(server, events, results);
            } finally {
                server.destroy();
                server.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static final long PROCESS_STARTED_AT[] = new long[1];

    /** Employee {@code U<prefix><n>} is in team n / TEAM_SIZE, approved by {@code UBOSS<team>} (e-mail in lower case). */
    private static Path routing(Path data) throws IOException {
        var overrides = JSON.createObjectNode();
        for (String prefix : List.of("W", "E", OPEN_LOOP)) {
            int employees = prefix.equals(OPEN_LOOP) ? OPEN_LOOP_RATE * OPEN_LOOP_SECONDS : COMMANDS;
            for (int n = 0; n < employees; n++) {
                String boss = "UBOSS" + prefix + (n / TEAM_SIZE);
                overrides.putObject(("U" + prefix + n + "@bench.example").toLowerCase()).put("slack", boss)
                        .put("email", (boss + "@bench.example").toLowerCase()).put("name", "Boss " + prefix + (n / TEAM_SIZE));
            }
        }
        var routing = JSON.createObjectNode();
        routing.set("overrides", overrides);
        Path file = data.resolve("routing.json");
        Files.writeString(file, routing.toString());
        return file;
    }

    private static Process start(Path jar, Path data, int port, String slackApiUrl, Path routing) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        // e.g. -Dbench.serverOpts=-XX:StartFlightRecording=filename=/tmp/leavebot.jfr to look inside
        String serverOpts = System.getProperty("bench.serverOpts", "");
        if (!serverOpts.isBlank()) {
            command.addAll(List.of(serverOpts.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        var builder = new ProcessBuilder(command)
                .directory(data.toFile())
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("leavebot.log").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LEAVEBOT_") || k.startsWith("SLACK_"));
        env.put("LEAVEBOT_DATA_DIR", data.resolve("data").toString());
        env.put("LEAVEBOT_HTTP_PORT", Integer.toString(port));
        env.put("LEAVEBOT_ROUTING_FILE", routing.toString());
        env.put("SLACK_BOT_TOKEN", SlackApi.BOT_TOKEN);
        env.put("SLACK_SIGNING_SECRET", SECRET);
        env.put("SLACK_API_URL", slackApiUrl);
        PROCESS_STARTED_AT[0] = System.nanoTime();
        return builder.start();
    }

    /** From starting the JVM to the first command Slack would see acknowledged. */
    private static void coldStart(Process server, URI events, Map<String, Object> results) throws Exception {
        while (true) {
            if (!server.isAlive()) {
                throw new IllegalStateException("LeaveBot exited with " + server.exitValue() + " during start-up; see its log");
            }
            try {
                HttpResponse<String> ack = send(events, command("UWARM", "help", "warm-0"));
                if (ack.statusCode() == 200) {
                    break;
                }
                throw new IllegalStateException("the first command was answered " + ack.statusCode() + ": " + ack.body());
            } catch (ConnectException notListeningYet) {
                Thread.sleep(2);
            }
        }
        double ms = (System.nanoTime() - PROCESS_STARTED_AT[0]) / 1e6;
        report(results, "cold_start_ms", ms);
    }

    /**
     * The Lambda side: the lean jar's size ({@code lambda_package_mb}: every function gets that one jar) and each
     * handler's cold start on it alone, to its first real answer ({@link LambdaColdStarts}, best of 3);
     * {@code lambda_cold_start_ms} is the slowest handler's.
     */
    private static void lambda(Map<String, Object> results) throws Exception {
        double mb = LambdaColdStarts.packageMegabytes();
        System.out.printf("lambda_package_mb: %.1f%n", mb);
        results.put("lambda_package_mb", Math.round(mb * 10) / 10.0);
        Map<String, Long> coldStarts = new TreeMap<>();
        String classes = LambdaColdStarts.SLACK_SDK_CLASSES;
        // the scenarios' fixtures run handlers in this JVM too (the Teams one installs the app through its function),
        // and a handler prints its metrics to standard output: those lines go to standard error, not among the figures
        var out = System.out;
        Map<String, Long> measured;
        System.setOut(System.err);
        try {
            measured = LambdaColdStarts.measure(Integer.getInteger("bench.lambdaRounds", 3));
        } finally {
            System.setOut(out);
        }
        measured.forEach((key, value) -> {
            if (key.endsWith(classes)) { // the Slack SDK's (and OkHttp's, Kotlin's, Gson's) classes the handler loaded
                results.put("lambda_slack_sdk_classes_" + key.substring(0, key.length() - classes.length()), value);
            } else if (key.endsWith(LambdaColdStarts.CPU_MS)) { // steadier than the wall clock when others use the cores
                results.put("lambda_cold_start_cpu_ms_" + key.substring(0, key.length() - LambdaColdStarts.CPU_MS.length()), value);
            } else {
                coldStarts.put(key, value);
            }
        });
        coldStarts.forEach((handler, ms) -> report(results, "lambda_cold_start_ms_" + handler, ms));
        report(results, "lambda_cold_start_ms", Collections.max(coldStarts.values()));
    }

    /** Slash commands that each start a request, sent by 32 senders at once; the time until each is acked. */
    private static void acks(Process server, URI events, Map<String, Object> results) throws Exception {
        List<Long> warm = new ArrayList<>();
        sendCommands(events, "W", Math.min(400, COMMANDS / 4), warm);
        List<Long> measured = Collections.synchronizedList(new ArrayList<>());
        var bench = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long wall0 = System.nanoTime();
        long serverCpu0 = serverCpuNanos(server);
        long benchCpu0 = bench.getProcessCpuTime();
        sendCommands(events, "E", COMMANDS, measured);
        double wallSeconds = (System.nanoTime() - wall0) / 1e9;
        report(results, "ack_p50_ms", percentile(measured, 50));
        report(results, "ack_p99_ms", percentile(measured, 99));
        results.put("ack_commands", measured.size());
        results.put("ack_senders", SENDERS);
        // where the machine's time went while the commands were sent: LeaveBot (acks, and the workflows they
        // started) or this process (the senders and the WireMock Slack the workflows post to)
        report(results, "ack_commands_per_s", measured.size() / wallSeconds);
        report(results, "server_cpu_ms_per_command", (serverCpuNanos(server) - serverCpu0) / 1e6 / measured.size());
        report(results, "slack_and_senders_cpu_ms_per_command", (bench.getProcessCpuTime() - benchCpu0) / 1e6 / measured.size());
    }

    private static long serverCpuNanos(Process server) {
        return server.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
    }

    private static void sendCommands(URI events, String prefix, int count, List<Long> nanos) throws Exception {
        LocalDate start = LocalDate.now().plusDays(40);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> done = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            done.add(senders.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    String user = "U" + prefix + n;
                    String text = start + " " + start.plusDays(1) + " Bench trip";
                    long t0 = System.nanoTime();
                    HttpResponse<String> ack = send(events, command(user, text, prefix + "-" + n));
                    long took = System.nanoTime() - t0;
                    if (ack.statusCode() != 200) {
                        throw new IllegalStateException("command " + n + " answered " + ack.statusCode() + ": " + ack.body());
                    }
                    Matcher id = REQUEST_ID.matcher(ack.body());
                    if (id.find()) {
                        EMPLOYEE_BY_REQUEST.put(id.group(1), user);
                    }
                    synchronized (nanos) {
                        nanos.add(took);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        senders.shutdown();
    }

    /**
     * The open loop: {@value #OPEN_LOOP}-users' commands at {@link #OPEN_LOOP_RATE} a second for
     * {@link #OPEN_LOOP_SECONDS} s, each sent at its scheduled time whether or not the earlier ones were answered (as
     * Slack sends people's commands), so a slow ack delays none of the next and queueing shows. Each ack's time counts
     * from when its command was due, not from when it went out. Then the server's CPU per command from the first
     * command until every approval DM these commands' workflows send has reached Slack: the ack and its workflow.
     */
    private static void openLoop(Process server, URI events, Map<String, Object> results) throws Exception {
        int count = OPEN_LOOP_RATE * OPEN_LOOP_SECONDS;
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / OPEN_LOOP_RATE;
        LocalDate start = LocalDate.now().plusDays(40);
        List<CompletableFuture<Long>> acks = new ArrayList<>(count);
        long serverCpu0 = serverCpuNanos(server);
        long t0 = System.nanoTime();
        for (int n = 0; n < count; n++) {
            long due = t0 + n * periodNanos;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            String body = command("U" + OPEN_LOOP + n, start + " " + start.plusDays(1) + " Bench trip", OPEN_LOOP + "-" + n);
            acks.add(sendAsync(events, body).thenApply(ack -> {
                if (ack.statusCode() != 200) {
                    throw new IllegalStateException("an open-loop command answered " + ack.statusCode() + ": " + ack.body());
                }
                return System.nanoTime() - due;
            }));
        }
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        List<Long> measured = new ArrayList<>();
        int failed = 0;
        for (CompletableFuture<Long> ack : acks) {
            try {
                measured.add(ack.get(60, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failed++;
            }
        }
        report(results, "open_loop_ack_p50_ms", percentile(measured, 50));
        report(results, "open_loop_ack_p99_ms", percentile(measured, 99));
        report(results, "open_loop_offered_per_s", count / sendSeconds);
        results.put("open_loop_commands", count);
        results.put("open_loop_failed", failed);
        awaitApprovalDms("DUBOSS" + OPEN_LOOP, measured.size());
        report(results, "open_loop_server_cpu_ms_per_command", (serverCpuNanos(server) - serverCpu0) / 1e6 / count);
    }

    /** Waits until the approval DMs to the bosses whose channels start with {@code channelPrefix} number {@code count}. */
    private static void awaitApprovalDms(String channelPrefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (approvalDms(channelPrefix) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + approvalDms(channelPrefix) + " of " + count + " approval DMs arrived in 5 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static long approvalDms(String channelPrefix) {
        return POSTS.entrySet().stream().filter(e -> e.getKey().startsWith(channelPrefix))
                .flatMap(e -> e.getValue().stream())
                .filter(post -> post.blocks() != null && post.blocks().toString().contains("\"leave_approve\""))
                .count();
    }

    /** Approve clicks, one at a time: from the click until the employee's outcome DM reaches Slack. */
    private static void clicks(URI events, SlackApi slack, Map<String, Object> results) throws Exception {
        List<JsonNode> approvals = awaitApprovalRequests(EMPLOYEE_BY_REQUEST.size());
        List<Long> measured = new ArrayList<>();
        for (int i = 0; i < approvals.size() && measured.size() < CLICKS; i++) {
            JsonNode approve = approvals.get(i);
            String employeeChannel = "D" + employeeOf(approve);
            int before = POSTS.getOrDefault(employeeChannel, List.of()).size();
            long t0 = System.nanoTime();
            HttpResponse<String> ack = send(events, click(approve, approve.path("boss").asText(), slack.responseUrl(), "click-" + i));
            if (ack.statusCode() != 200) {
                throw new IllegalStateException("click answered " + ack.statusCode() + ": " + ack.body());
            }
            long arrived = awaitPost(employeeChannel, before, t0);
            if (i >= 50) { // the first 50 warm up the click path
                measured.add(arrived - t0);
            }
        }
        report(results, "click_to_outcome_p50_ms", percentile(measured, 50));
        report(results, "click_to_outcome_p99_ms", percentile(measured, 99));
        results.put("clicks", measured.size());
    }

    /**
     * The Approve buttons of the approval DMs the bosses received (each with its boss added as {@code boss}),
     * waiting until every request's has arrived, so that the clicks do not queue behind requests still being set up.
     */
    private static List<JsonNode> awaitApprovalRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (true) {
            List<JsonNode> buttons = new ArrayList<>();
            POSTS.forEach((channel, posts) -> {
                if (!channel.startsWith("DUBOSS")) {
                    return;
                }
                for (Post post : posts) {
                    for (JsonNode block : post.blocks() == null ? JSON.createArrayNode() : post.blocks()) {
                        for (JsonNode element : block.path("elements")) {
                            if ("leave_approve".equals(element.path("action_id").asText())) {
                                buttons.add(((com.fasterxml.jackson.databind.node.ObjectNode) element.deepCopy()).put("boss", channel.substring(1)));
                            }
                        }
                    }
                }
            });
            if (buttons.size() >= count) {
                return buttons;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + buttons.size() + " of " + count + " approval DMs arrived in 5 minutes");
            }
            Thread.sleep(100);
        }
    }


    /** The employee of the request an Approve button is for, as the command's ack named the request. */
    private static String employeeOf(JsonNode approveButton) throws IOException {
        String requestId = JSON.readTree(approveButton.path("value").asText()).path("request").asText();
        String employee = EMPLOYEE_BY_REQUEST.get(requestId);
        if (employee == null) {
            throw new IllegalStateException("no command's ack named request " + requestId);
        }
        return employee;
    }

    private static long awaitPost(String channel, int before, long since) throws InterruptedException {
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<Post> posts = POSTS.getOrDefault(channel, List.of());
            if (posts.size() > before) {
                return posts.get(before).at();
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException("no outcome DM to " + channel + " within 30 s of the click");
    }

    private static String command(String user, String text, String trigger) {
        return form("token", "legacy-unused", "team_id", SlackApi.TEAM, "team_domain", "bench", "channel_id", "C0BENCH",
                "channel_name", "general", "user_id", user, "user_name", user.toLowerCase(), "command", "/leave", "text", text,
                "api_app_id", "A0LEAVE", "response_url", "http://127.0.0.1:9/commands/" + trigger, "trigger_id", "1337." + trigger.hashCode() + "." + trigger);
    }

    private static String click(JsonNode approve, String boss, String responseUrl, String trigger) {
        var payload = JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A0LEAVE").put("token", "legacy-unused")
                .put("trigger_id", "1337." + trigger).put("response_url", responseUrl);
        payload.putObject("team").put("id", SlackApi.TEAM).put("domain", "bench");
        payload.putObject("user").put("id", boss).put("username", boss.toLowerCase()).put("name", boss.toLowerCase())
                .put("team_id", SlackApi.TEAM);
        payload.putObject("container").put("type", "message").put("message_ts", "1700000000.000100").put("channel_id", "D" + boss)
                .put("is_ephemeral", false);
        payload.putObject("channel").put("id", "D" + boss).put("name", "directmessage");
        var action = payload.putArray("actions").addObject().put("action_id", "leave_approve").put("block_id", "decide")
                .put("value", approve.path("value").asText()).put("type", "button").put("action_ts", "1700000001.000200");
        action.putObject("text").put("type", "plain_text").put("text", "Approve");
        return form("payload", payload.toString());
    }

    private static HttpResponse<String> send(URI events, String body) throws IOException, InterruptedException {
        return HTTP.send(signed(events, body), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(URI events, String body) {
        return HTTP.sendAsync(signed(events, body), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as Slack sends it: signed with the app's signing secret. */
    private static HttpRequest signed(URI events, String body) {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signature = new SlackSignature.Generator(SECRET).generate(timestamp, body);
        return HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature)
                .timeout(java.time.Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** An application/x-www-form-urlencoded body from name, value, name, value… */
    private static String form(String... namesAndValues) {
        var out = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.append(i == 0 ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double percentile(List<Long> nanos, int p) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        return Math.round(value / 1e4) / 100.0;
    }

    private static void report(Map<String, Object> results, String name, double ms) {
        double rounded = Math.round(ms * 100) / 100.0;
        System.err.println(name + " = " + rounded);
        results.put(name, rounded);
    }
}
