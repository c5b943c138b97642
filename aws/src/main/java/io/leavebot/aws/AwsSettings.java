package io.leavebot.aws;

import static io.leavebot.LeaveBotNames.ADMINS_ENV;
import static io.leavebot.LeaveBotNames.APPROVAL_TIMEOUT_ENV;
import static io.leavebot.LeaveBotNames.APPROVER_EMAIL_ENV;
import static io.leavebot.LeaveBotNames.APPROVER_NAME_ENV;
import static io.leavebot.LeaveBotNames.LEAVES_TABLE_ENV;
import static io.leavebot.LeaveBotNames.MAIL_FROM_ENV;
import static io.leavebot.LeaveBotNames.PUBLIC_URL_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_ENV;
import static io.leavebot.LeaveBotNames.ROUTING_FILE_ENV;
import static io.leavebot.LeaveBotNames.SECRET_ARN_ENV;
import static io.leavebot.LeaveBotNames.TIME_ZONE_ENV;
import static io.leavebot.LeaveBotNames.WORKFLOW_FUNCTION_ENV;

import io.leavebot.LeaveBotNames;
import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.PolicyFile;
import io.leavebot.leave.ApproverRouting;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.slack.SlackConnect;
import io.leavebot.workflow.Admins;
import io.leavebot.workflow.DigestMornings;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AWS functions' settings, from environment variables the CDK stack sets (names in {@link LeaveBotNames}).
 * Each function asks only for what it uses, when it starts; a missing or malformed variable is a
 * {@link SettingsException} that names it. Secrets are not here: they are in the secret {@link #secretArn()} names
 * (see {@link Secrets}).
 */
final class AwsSettings {
    /** The decision pages' path under {@link LeaveBotNames#PUBLIC_URL_ENV}. */
    static final String DECIDE_PATH = "/decide";

    private final Map<String, String> env;

    private AwsSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    static AwsSettings fromEnvironment() {
        return of(System.getenv());
    }

    static AwsSettings of(Map<String, String> env) {
        return new AwsSettings(env);
    }

    /** {@code AWS_REGION}, which Lambda sets: where DynamoDB, SES, Lambda and Secrets Manager are called. */
    String region() {
        return required("AWS_REGION", "the AWS region, e.g. eu-west-1 (Lambda sets it for every function)");
    }

    /** {@value LeaveBotNames#SECRET_ARN_ENV}: the one secret with the Slack tokens and LeaveBot's keys. */
    String secretArn() {
        return required(SECRET_ARN_ENV, "the ARN of the Secrets Manager secret holding LeaveBot's keys");
    }

    /** {@value LeaveBotNames#LEAVES_TABLE_ENV}, default {@value LeaveBotNames#LEAVES_TABLE}. */
    String leavesTable() {
        return optional(LEAVES_TABLE_ENV).orElse(LeaveBotNames.LEAVES_TABLE);
    }

    /** {@value LeaveBotNames#MAIL_FROM_ENV}: the sender of every e-mail, an identity SES may send from. */
    String mailFrom() {
        return required(MAIL_FROM_ENV, "the sender of LeaveBot's e-mail, an SES-verified identity such as "
                + "LeaveBot <leavebot@example.com>");
    }

    /** {@value LeaveBotNames#TIME_ZONE_ENV}, default UTC. */
    ZoneId zone() {
        Optional<String> zone = optional(TIME_ZONE_ENV);
        try {
            return zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone.get());
        } catch (DateTimeException e) {
            throw new SettingsException(TIME_ZONE_ENV + " must be a time zone such as Europe/Berlin or UTC, but was '"
                    + zone.get() + "'");
        }
    }

    /** The default policy with {@value LeaveBotNames#APPROVAL_TIMEOUT_ENV} (an ISO-8601 duration, default P3D). */
    LeavePolicy policy() {
        Optional<String> value = optional(APPROVAL_TIMEOUT_ENV);
        if (value.isEmpty()) {
            return LeavePolicy.DEFAULT.withApprovalTimeout(Duration.ofDays(3));
        }
        try {
            Duration timeout = Duration.parse(value.get());
            if (!timeout.isNegative() && !timeout.isZero()) {
                return LeavePolicy.DEFAULT.withApprovalTimeout(timeout);
            }
        } catch (DateTimeParseException e) {
            // the message below says what is expected
        }
        throw new SettingsException(APPROVAL_TIMEOUT_ENV + " must be a positive ISO-8601 duration such as P3D (3 days) "
                + "or PT12H (12 hours), but was '" + value.get() + "'");
    }

    /**
     * Where e-mail decision links lead: {@value LeaveBotNames#PUBLIC_URL_ENV} (the Function URL of the function
     * serving the pages, a trailing slash allowed) followed by {@value #DECIDE_PATH}.
     */
    String decisionUrl() {
        return publicUrl(required(PUBLIC_URL_ENV, "the https URL of the function serving " + DECIDE_PATH
                + " (its Function URL), which e-mail links lead to")) + DECIDE_PATH;
    }

    /**
     * Where Slack sends people back from its authorize page ({@code /leave connect}): the API function's URL
     * ({@value LeaveBotNames#PUBLIC_URL_ENV}) followed by {@value SlackConnect#CALLBACK_PATH}.
     */
    String slackRedirectUrl() {
        return publicUrl(required(PUBLIC_URL_ENV, "the https URL of the function serving " + SlackConnect.CALLBACK_PATH
                + " (its Function URL), which Slack sends people back to")) + SlackConnect.CALLBACK_PATH;
    }

    /**
     * {@value LeaveBotNames#PUBLIC_URL_ENV} without a trailing slash, where the chat front ends' calendar feed and
     * report links lead; empty when not set (then the chat front ends offer neither).
     */
    Optional<String> linkBase() {
        return optional(PUBLIC_URL_ENV).map(this::publicUrl);
    }

    /** {@code base} without its trailing slashes, once it is known to be an absolute http(s) URL. */
    private String publicUrl(String base) {
        URI uri;
        try {
            uri = URI.create(base);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new SettingsException(PUBLIC_URL_ENV + " must be an absolute https URL without query or fragment, "
                    + "e.g. https://abc123.lambda-url.eu-west-1.on.aws/, but was '" + base + "'");
        }
        return base.replaceAll("/+$", "");
    }

    /** {@value LeaveBotNames#WORKFLOW_FUNCTION_ENV}: what the front ends invoke, best the workflow's alias ARN. */
    String workflowFunction() {
        return required(WORKFLOW_FUNCTION_ENV, "the workflow function the front ends start executions of, "
                + "best its alias ARN (arn:aws:lambda:<region>:<account>:function:<name>:<alias>)");
    }

    /** {@value LeaveBotNames#DIGEST_FUNCTION_ENV}: the digest function the schedule starts executions of. */
    String digestFunction() {
        return required(LeaveBotNames.DIGEST_FUNCTION_ENV, "the who's-out digest's durable function, best its alias ARN");
    }

    /** {@value LeaveBotNames#DIGEST_TIME_ENV}, HH:mm, default 09:00. */
    LocalTime digestTime() {
        Optional<String> value = optional(LeaveBotNames.DIGEST_TIME_ENV);
        try {
            return value.map(LocalTime::parse).orElse(DigestMornings.DEFAULT_TIME);
        } catch (DateTimeParseException e) {
            throw new SettingsException(LeaveBotNames.DIGEST_TIME_ENV + " must be a time of day as HH:mm, such as 09:00, "
                    + "but was '" + value.get() + "'");
        }
    }

    /** {@value LeaveBotNames#DIGEST_SLACK_CHANNEL_ENV}: the Slack channel of the digest, if it goes to Slack. */
    Optional<String> digestSlackChannel() {
        return optional(LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV);
    }

    /** {@value LeaveBotNames#DIGEST_TEAMS_CONVERSATION_ENV}: the Teams conversation of the digest, if it goes to Teams. */
    Optional<String> digestTeamsConversation() {
        return optional(LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV);
    }

    /** {@value LeaveBotNames#DIGEST_TEAMS_SERVICE_URL_ENV}, default Bot Framework's global one. */
    String digestTeamsServiceUrl() {
        return optional(LeaveBotNames.DIGEST_TEAMS_SERVICE_URL_ENV).orElse(LeaveBotNames.GLOBAL_TEAMS_SERVICE_URL);
    }

    /**
     * Who approves whom, from exactly one of: {@value LeaveBotNames#ROUTING_ENV} (the routing JSON itself),
     * {@value LeaveBotNames#ROUTING_FILE_ENV} (a JSON file, e.g. shipped beside the code) or
     * {@value LeaveBotNames#APPROVER_EMAIL_ENV} with an optional {@value LeaveBotNames#APPROVER_NAME_ENV} (one
     * approver for everyone). Unlike the local launcher there is no example default: e-mail from AWS reaches real
     * people.
     */
    ApproverRouting routing() {
        List<String> given = List.of(ROUTING_ENV, ROUTING_FILE_ENV, APPROVER_EMAIL_ENV).stream()
                .filter(name -> optional(name).isPresent()).toList();
        if (given.size() != 1) {
            throw new SettingsException((given.isEmpty() ? "No approver is configured" : "Approvers are configured "
                    + "twice (" + String.join(" and ", given) + ")") + ": set exactly one of " + ROUTING_ENV
                    + " (the routing JSON), " + ROUTING_FILE_ENV + " (a routing JSON file) or " + APPROVER_EMAIL_ENV
                    + " (one approver for everyone)");
        }
        try {
            return switch (given.get(0)) {
                case ROUTING_ENV -> ApproverRouting.fromJson(optional(ROUTING_ENV).orElseThrow(), "in " + ROUTING_ENV);
                case ROUTING_FILE_ENV -> ApproverRouting.fromFile(Path.of(optional(ROUTING_FILE_ENV).orElseThrow()));
                default -> ApproverRouting.single(ApproverRouting.approverOf(optional(APPROVER_EMAIL_ENV).orElseThrow(),
                        optional(APPROVER_NAME_ENV).orElse(null), APPROVER_EMAIL_ENV));
            };
        } catch (IllegalArgumentException e) {
            throw new SettingsException(given.get(0) + ": " + e.getMessage(), e);
        }
    }

    /** {@value LeaveBotNames#ADMINS_ENV}: who may adjust balances and cancel anyone's leave (none when unset). */
    Set<String> admins() {
        try {
            return Admins.fromList(optional(ADMINS_ENV), ADMINS_ENV);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    /**
     * The balance policy, from at most one of {@value PolicyFile#POLICY_ENV} (the policy JSON itself) and
     * {@value PolicyFile#POLICY_FILE_ENV}; with neither, {@link BalancePolicies#defaults} for
     * {@value PolicyFile#COUNTRY_ENV} and {@value PolicyFile#REGION_ENV} (no public holidays when unset).
     */
    BalancePolicies balancePolicies(List<String> types) {
        try {
            return PolicyFile.fromSettings(this::optional, types);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage(), e);
        }
    }

    private String required(String name, String what) {
        return optional(name).orElseThrow(() -> new SettingsException(name + " is not set; it must hold " + what + "."));
    }

    private Optional<String> optional(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
