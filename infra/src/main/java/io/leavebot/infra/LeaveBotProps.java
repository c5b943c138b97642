package io.leavebot.infra;

import io.leavebot.balance.Holidays;
import io.leavebot.balance.PolicyFile;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.workflow.Admins;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the stack is built from, read from the CDK context by {@link #fromContext} (the keys are the
 * {@code static final} fields here; {@code infra/README.md} has the table). Deployment secrets are not here: the
 * stack only names the secret that holds them.
 *
 * @param secretArn            complete ARN of the Secrets Manager secret with LeaveBot's keys
 * @param mailFrom             sender of every e-mail as it appears, e.g. {@code LeaveBot <leavebot@example.com>}
 * @param senderAddress        the address in {@code mailFrom}, the only From address the workflow may send with
 * @param sesIdentity          the SES identity (address or domain) the workflow may send from
 * @param routingJson          approver routing, the JSON the bot's {@code ApproverRouting} reads
 * @param timeZone             IANA time zone of dates in messages and pages
 * @param approvalTimeout      how long an approver has before a request expires
 * @param executionTimeout     how long a durable execution may run before Lambda stops it
 * @param historyRetentionDays how long Lambda keeps an execution's history once it closed
 * @param alarmEmail           who the alarms e-mail, or null for nobody (subscribe to the topic yourself)
 * @param secretRevision       mixed into the front ends' versions: changing it publishes new ones (after the
 *                             secret changed)
 * @param chatFrontEnds        the chat front ends to deploy, by their switches ({@link ChatFrontEnd}): each only
 *                             when the secret holds its keys, which its handler refuses to start without (and
 *                             SnapStart starts it at publishing)
 * @param botJar               the Lambda package (module aws's leavebot-lambda.jar) with every handler
 * @param policyFile           the balance policy file, checked as the functions will read it; null for the default
 *                             policy (25 days of annual leave in {@code country} and {@code region})
 * @param country              without a policy file: everyone's country (ISO 3166 code, lower case), or null for no
 *                             public holidays
 * @param region               with {@code country}: everyone's region, or null
 * @param admins               the e-mail addresses of who may adjust balances and cancel anyone's leave, in the
 *                             order given
 * @param digest               where and when the who's-out digest is posted (off without a channel)
 */
public record LeaveBotProps(String secretArn, String mailFrom, String senderAddress, String sesIdentity,
        String routingJson, ZoneId timeZone, Duration approvalTimeout, Duration executionTimeout,
        int historyRetentionDays, String alarmEmail, String secretRevision, Set<ChatFrontEnd> chatFrontEnds,
        Path botJar, Path policyFile, String country, String region, List<String> admins, DigestProps digest) {

    public static final String SECRET_ARN = "secretArn";
    public static final String MAIL_FROM = "mailFrom";
    public static final String SES_IDENTITY = "sesIdentity";
    public static final String ROUTING = "routing";
    public static final String TIME_ZONE = "timeZone";
    public static final String APPROVAL_TIMEOUT = "approvalTimeout";
    public static final String EXECUTION_TIMEOUT = "executionTimeout";
    public static final String HISTORY_RETENTION = "historyRetention";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String SECRET_REVISION = "secretRevision";
    public static final String SLACK = "slack";
    public static final String TEAMS = "teams";
    public static final String BOT_JAR = "botJar";
    public static final String POLICY_FILE = "policyFile";
    public static final String COUNTRY = "country";
    public static final String REGION = "region";
    public static final String ADMINS = "admins";

    /** Where {@code mvn package} puts the bot's shaded jar, seen from {@code infra/} (where the CDK CLI runs). */
    static final String DEFAULT_BOT_JAR = "../aws/target/leavebot-lambda.jar";
    /**
     * What Lambda's 4 KB of environment leaves for the routing and the admins beside the front ends' other settings
     * (the policy file is in a layer, not in the environment, as it lists people).
     */
    static final int LONGEST_ROUTING = 3072;
    /** Lambda's limit for a durable execution (366 days). */
    static final Duration LONGEST_EXECUTION = Duration.ofSeconds(31_622_400);

    private static final Pattern SECRET_ARN_PATTERN =
            Pattern.compile("arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[\\w/+=.@-]+-[A-Za-z0-9]{6}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@([^@\\s<>]+)");
    private static final Pattern NAMED_ADDRESS = Pattern.compile("[^<>]*<(" + ADDRESS.pattern() + ")>");

    /**
     * Reads and checks every input.
     *
     * @param context the context value of a key, or null when it has none ({@code app.getNode()::tryGetContext})
     * @throws StackInputException naming every input that is missing or malformed, and how to give it
     */
    public static LeaveBotProps fromContext(Function<String, Object> context) {
        var in = new ContextValues(context);
        String secretArn = secretArn(in);
        String mailFrom = in.required(MAIL_FROM, "the sender of LeaveBot's e-mail, "
                + "e.g. 'LeaveBot <leavebot@example.com>'");
        String sender = senderAddress(in, mailFrom);
        String identity = in.optional(SES_IDENTITY).orElse(sender);
        in.check(sender == null || covers(identity, sender), SES_IDENTITY + " '" + identity + "' does not cover the "
                + "sender " + sender + " (from " + MAIL_FROM + "): give the verified address itself or its domain.");
        List<String> admins = admins(in);
        String routing = routing(in, admins);
        ZoneId zone = in.parsed(TIME_ZONE, "UTC", ZoneId::of, "a time zone such as Europe/Berlin or UTC");
        Duration approval = in.parsed(APPROVAL_TIMEOUT, "P3D", LeaveBotProps::parsePositive, "a positive ISO-8601 "
                + "duration such as P3D (3 days) or PT12H");
        Duration execution = executionTimeout(in, approval);
        Integer retention = in.parsed(HISTORY_RETENTION, "P30D", LeaveBotProps::parseRetentionDays, "an ISO-8601 "
                + "duration of whole days from P1D to P90D, such as P30D");
        String alarmEmail = in.optional(ALARM_EMAIL).orElse(null);
        in.check(alarmEmail == null || ADDRESS.matcher(alarmEmail).matches(),
                ALARM_EMAIL + " must be an e-mail address, but was '" + alarmEmail + "'.");
        Set<ChatFrontEnd> chats = chatFrontEnds(in);
        Path jar = botJar(in);
        Path policyFile = policyFile(in);
        String country = in.optional(COUNTRY).map(LeaveBotProps::code).orElse(null);
        String region = in.optional(REGION).map(LeaveBotProps::code).orElse(null);
        checkPlace(in, policyFile, country, region);
        DigestProps digest = DigestProps.fromContext(in);
        in.throwIfAnyProblem();
        return new LeaveBotProps(secretArn, mailFrom, sender, identity, routing, zone, approval, execution, retention,
                alarmEmail, in.optional(SECRET_REVISION).orElse("1"), chats, jar, policyFile, country, region, admins, digest);
    }

    /** Keeps unmodifiable copies of {@code chatFrontEnds} and {@code admins}. */
    public LeaveBotProps {
        chatFrontEnds = Set.copyOf(chatFrontEnds);
        admins = List.copyOf(admins);
    }

    /** Whether {@code chat}'s front end is deployed. */
    public boolean deploys(ChatFrontEnd chat) {
        return chatFrontEnds.contains(chat);
    }

    /** The chat front ends whose switch is on, or is not given and on by default. */
    private static Set<ChatFrontEnd> chatFrontEnds(ContextValues in) {
        Set<ChatFrontEnd> on = EnumSet.noneOf(ChatFrontEnd.class);
        for (ChatFrontEnd chat : ChatFrontEnd.values()) {
            Boolean deployed = in.parsed(chat.contextKey(), String.valueOf(chat.onByDefault()),
                    LeaveBotProps::parseSwitch, "true or false");
            if (Boolean.TRUE.equals(deployed)) {
                on.add(chat);
            }
        }
        return on;
    }

    private static String secretArn(ContextValues in) {
        String arn = in.required(SECRET_ARN, "the complete ARN of the secret holding LeaveBot's keys");
        in.check(arn == null || SECRET_ARN_PATTERN.matcher(arn).matches(), SECRET_ARN + " must be the complete ARN "
                + "of a secret, as create-secret prints it (arn:aws:secretsmanager:<region>:<account>:secret:<name>-"
                + "<6 characters>), but was '" + arn + "'.");
        return arn;
    }

    private static String senderAddress(ContextValues in, String mailFrom) {
        String address = mailFrom == null ? null : addressOf(mailFrom);
        in.check(mailFrom == null || address != null, MAIL_FROM + " must be an e-mail address, alone or as "
                + "'Name <address>', but was '" + mailFrom + "'.");
        return address;
    }

    private static String routing(ContextValues in, List<String> admins) {
        String routing = in.jsonObject(ROUTING, "the approver routing, e.g. "
                + "'{\"default\": {\"email\": \"manager@example.com\", \"name\": \"Grace\"}}'");
        int bytes = routing == null ? 0 : routing.getBytes(StandardCharsets.UTF_8).length;
        int adminBytes = String.join(",", admins).getBytes(StandardCharsets.UTF_8).length;
        in.check(bytes + adminBytes <= LONGEST_ROUTING, ROUTING + " has " + bytes + " bytes" + (admins.isEmpty() ? ""
                : " and " + ADMINS + " " + adminBytes) + ", but Lambda allows a function 4 KB of environment in all, "
                + "which leaves " + LONGEST_ROUTING + " for " + (admins.isEmpty() ? "it" : "both") + ": drop the "
                + "spaces, or route more people through the default approver.");
        return routing;
    }

    /** The addresses as given, in order; each checked as the functions' {@code Admins} will read them. */
    private static List<String> admins(ContextValues in) {
        var given = in.optional(ADMINS);
        try {
            Admins.fromList(given, ADMINS);
        } catch (IllegalArgumentException e) {
            in.check(false, e.getMessage() + ".");
            return List.of();
        }
        return given.map(list -> Arrays.stream(list.split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList())
                .orElse(List.of());
    }

    /**
     * The policy file, relative to {@code infra/}, read as the functions will read it (with LeaveBot's leave types),
     * so that a mistake stops the synth with the key and the line instead of every function's start.
     */
    private static Path policyFile(ContextValues in) {
        Path file = in.optional(POLICY_FILE).map(name -> Path.of(name).toAbsolutePath().normalize()).orElse(null);
        if (file != null) {
            try {
                PolicyFile.fromFile(file, LeavePolicy.DEFAULT.types());
            } catch (IllegalArgumentException e) {
                in.check(false, POLICY_FILE + " cannot be used: " + e.getMessage() + ".");
            }
        }
        return file;
    }

    /** Country and region only without a policy file (it has its own), and only ones jollyday has calendars of. */
    private static void checkPlace(ContextValues in, Path policyFile, String country, String region) {
        if (policyFile != null) {
            in.check(country == null && region == null, (country != null ? COUNTRY : REGION) + " applies only "
                    + "without " + POLICY_FILE + ": give the country and region in the policy file's \"defaults\".");
            return;
        }
        Holidays holidays = new Holidays();
        // as the functions say it: at the region when the country is fine or missing, else at the country
        holidays.problem(country, region).ifPresent(problem -> in.check(false,
                (country == null || holidays.problem(country, null).isEmpty() ? REGION : COUNTRY)
                        + " cannot be used: " + problem + "."));
    }

    /** A country or region code as the functions compare it: trimmed, lower case. */
    private static String code(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    private static Duration executionTimeout(ContextValues in, Duration approvalTimeout) {
        Duration timeout = in.parsed(EXECUTION_TIMEOUT, "P366D", LeaveBotProps::parseExecutionTimeout, "an ISO-8601 "
                + "duration of whole seconds from PT1S to P366D, such as P366D");
        // approved leave's execution lives until the leave is over, and leave may be asked for up to a year ahead
        in.check(timeout == null || timeout.compareTo(LeavePolicy.LONGEST_LEAVE_LIFE) >= 0,
                EXECUTION_TIMEOUT + " (" + timeout + ") must be at least " + LeavePolicy.LONGEST_LEAVE_LIFE.toDays()
                        + " days (P" + LeavePolicy.LONGEST_LEAVE_LIFE.toDays() + "D): approved leave's execution lives until "
                        + "the leave is over, and leave may end up to " + LeavePolicy.FURTHEST_AHEAD_DAYS + " days ahead.");
        in.check(approvalTimeout == null || timeout == null || timeout.compareTo(approvalTimeout.plusDays(1)) >= 0,
                EXECUTION_TIMEOUT + " (" + timeout + ") must be at least a day longer than " + APPROVAL_TIMEOUT + " ("
                        + approvalTimeout + "), so that an execution can record and announce the expiry before Lambda "
                        + "stops it.");
        return timeout;
    }

    private static Path botJar(ContextValues in) {
        Path jar = Path.of(in.optional(BOT_JAR).orElse(DEFAULT_BOT_JAR)).toAbsolutePath().normalize();
        in.check(Files.isRegularFile(jar), "The Lambda jar " + jar + " does not exist: build it from the repository root "
                + "with `mvn -B -pl aws -am install -DskipTests`, or point " + BOT_JAR + " at it.");
        return jar;
    }

    /** The address of {@code Name <address>} or of a bare address; null when there is none. */
    static String addressOf(String mailbox) {
        Matcher named = NAMED_ADDRESS.matcher(mailbox.trim());
        if (named.matches()) {
            return named.group(1);
        }
        return ADDRESS.matcher(mailbox.trim()).matches() ? mailbox.trim() : null;
    }

    /** An address identity covers itself; a domain identity its addresses and those of its subdomains. */
    static boolean covers(String identity, String address) {
        String id = identity.toLowerCase(Locale.ROOT);
        String addr = address.toLowerCase(Locale.ROOT);
        String domain = addr.substring(addr.indexOf('@') + 1);
        return id.equals(addr) || id.equals(domain) || domain.endsWith("." + id);
    }

    /** {@code true} or {@code false} as text ({@code -c teams=true}) or a JSON boolean from cdk.json. */
    private static boolean parseSwitch(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a switch");
        };
    }

    private static Duration parsePositive(String text) {
        Duration duration = Duration.parse(text);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("not positive");
        }
        return duration;
    }

    private static Duration parseExecutionTimeout(String text) {
        Duration duration = parsePositive(text);
        if (duration.getNano() != 0 || duration.compareTo(LONGEST_EXECUTION) > 0) {
            throw new IllegalArgumentException("out of range");
        }
        return duration;
    }

    private static int parseRetentionDays(String text) {
        Duration duration = parsePositive(text);
        if (duration.toSeconds() % Duration.ofDays(1).toSeconds() != 0 || duration.getNano() != 0
                || duration.toDays() > 90) {
            throw new IllegalArgumentException("out of range");
        }
        return (int) duration.toDays();
    }
}
