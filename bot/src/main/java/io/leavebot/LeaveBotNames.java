package io.leavebot;

/**
 * Names that both the application ({@code bot}) and the AWS deployment ({@code infra}) use: the DynamoDB table of
 * leave records, its key attributes and its indexes, the environment variables of the AWS functions, and the keys
 * of their secret.
 * Change a name here and both sides follow. Besides these names, {@code infra} uses only the checks of the settings
 * it passes on ({@code PolicyFile}, {@code Holidays}, {@code LeavePolicy}, {@code Admins}), so that {@code cdk synth}
 * refuses what the functions would refuse.
 */
public final class LeaveBotNames {
    /** Environment variable holding the leave table's name (set by the CDK stack on every function). */
    public static final String LEAVES_TABLE_ENV = "LEAVEBOT_LEAVES_TABLE";
    /** The leave table's name when nothing else is configured (local tooling, tests). */
    public static final String LEAVES_TABLE = "leavebot-leaves";

    /** The chat channel name of Slack, as people's chat ids, notifications and the address book record it. */
    public static final String SLACK_CHANNEL = "slack";
    /** The chat channel name of Microsoft Teams, as notifications and saved conversations record it. */
    public static final String TEAMS_CHANNEL = "teams";
    /**
     * How the partition key of a saved chat address starts: {@code ADDRESS#<channel>#<person key>}; the stack lets
     * a front end write only items whose key starts {@code ADDRESS#<a channel it saves>#} (every front end saves
     * the routing's Slack ids, the Slack one the ids it looks up, the Teams one its conversations).
     */
    public static final String ADDRESS_KEY_PREFIX = "ADDRESS#";
    /**
     * How the partition key of an approver's away periods and standing stand-in starts: {@code AWAY#<person key>};
     * the front ends, where people declare them, may write only items whose key starts so.
     */
    public static final String AWAY_KEY_PREFIX = "AWAY#";
    /**
     * How the partition key of the list of requests waiting on a person starts: {@code WAITING#<person key>}; the
     * workflow keeps these lists, and may delete only items whose key starts so.
     */
    public static final String WAITING_KEY_PREFIX = "WAITING#";
    /**
     * How the partition key of a person's leave ledger starts: {@code LEDGER#<person key>}, holding its entries and
     * its running sums per type and leave year. The workflow writes them (leave taken when approved, refunded when
     * cancelled), the API function too (an admin's adjustments); the front ends read them for balances.
     */
    public static final String LEDGER_KEY_PREFIX = "LEDGER#";
    /**
     * How the partition key of a day's who's-out digest claims starts: {@code DIGEST#<day>}, one item per channel;
     * only the digest function writes them.
     */
    public static final String DIGEST_KEY_PREFIX = "DIGEST#";
    /**
     * How the partition key of a sent notification starts: {@code NOTIFY#<key>}, the key starting with the execution's
     * name ({@code NOTIFY#digest-<day>/post-slack} for the digest's posts, which only the digest function writes).
     */
    public static final String NOTIFICATION_KEY_PREFIX = "NOTIFY#";
    /**
     * How the partition key of a person's sealed Slack user token starts: {@code USERTOKEN#<person key>}. The API
     * function saves it (the OAuth redirect), the Slack function deletes it ({@code /leave disconnect}), the workflow
     * reads it, records the status it set and deletes a revoked one.
     */
    public static final String USER_TOKEN_KEY_PREFIX = "USERTOKEN#";
    /**
     * How the partition keys of calendar feeds start: {@code FEED#<feed>} (its token's hash) and
     * {@code FEEDTOKEN#<hash>} (the lookup by token). The chat front ends, where people make and rotate their links,
     * may write and delete only items whose key starts so.
     */
    public static final String FEED_KEY_PREFIX = "FEED#";
    public static final String FEED_TOKEN_KEY_PREFIX = "FEEDTOKEN#";
    /** Partition key of every item (string). */
    public static final String PARTITION_KEY = "pk";
    /** Sort key of every item (string). */
    public static final String SORT_KEY = "sk";

    /** GSI listing an employee's requests by creation time; every request has its keys. */
    public static final String EMPLOYEE_INDEX = "by-employee";
    public static final String EMPLOYEE_INDEX_PARTITION_KEY = "gsi1pk";
    public static final String EMPLOYEE_INDEX_SORT_KEY = "gsi1sk";

    /** Sparse GSI of the requests waiting for an approver; only PENDING requests carry its keys. */
    public static final String APPROVER_INDEX = "pending-by-approver";
    public static final String APPROVER_INDEX_PARTITION_KEY = "gsi2pk";
    public static final String APPROVER_INDEX_SORT_KEY = "gsi2sk";

    /**
     * Sparse GSI of the leave an approver's reports have taken or asked for, by first day; only PENDING and
     * APPROVED requests carry its keys (the sort key is the start date, then the id).
     */
    public static final String TEAM_INDEX = "open-by-approver";
    public static final String TEAM_INDEX_PARTITION_KEY = "gsi3pk";
    public static final String TEAM_INDEX_SORT_KEY = "gsi3sk";

    /**
     * Sparse GSI of everyone's PENDING and APPROVED leave by the month it starts in ({@code OPEN#2026-01}), sorted by
     * employee key, start date and id: who is out in a period without a scan (calendars, feeds, digest, reports).
     */
    public static final String OPEN_INDEX = "open-by-start-month";
    public static final String OPEN_INDEX_PARTITION_KEY = "gsi4pk";
    public static final String OPEN_INDEX_SORT_KEY = "gsi4sk";
    /** Start of the open-leave index's partition keys, before the start month ({@code OPEN#2026-01}). */
    public static final String OPEN_INDEX_KEY_PREFIX = "OPEN#";

    /*
     * The AWS functions' environment, which the CDK stack sets (io.leavebot.aws.AwsSettings reads it; the README
     * has the table). Variables the local launcher reads too have the same name and meaning there.
     */
    /** ARN of the one Secrets Manager secret (JSON with the {@code SECRET_*} keys below); every function. */
    public static final String SECRET_ARN_ENV = "LEAVEBOT_SECRET_ARN";
    /** Sender of every e-mail, an identity SES may send from, e.g. {@code LeaveBot <leavebot@example.com>}. */
    public static final String MAIL_FROM_ENV = "LEAVEBOT_MAIL_FROM";
    /** Base URL of the function serving {@code /decide} (its Function URL); the workflow's e-mail links go there. */
    public static final String PUBLIC_URL_ENV = "LEAVEBOT_PUBLIC_URL";
    /** The workflow function the front ends start executions of: its alias ARN. */
    public static final String WORKFLOW_FUNCTION_ENV = "LEAVEBOT_WORKFLOW_FUNCTION";
    /** IANA time zone of dates and times in messages and pages. */
    public static final String TIME_ZONE_ENV = "LEAVEBOT_TIME_ZONE";
    /** ISO-8601 duration an approver has before a request expires. */
    public static final String APPROVAL_TIMEOUT_ENV = "LEAVEBOT_APPROVAL_TIMEOUT";
    /** Approver routing as JSON text (the format of {@code io.leavebot.leave.ApproverRouting}). */
    public static final String ROUTING_ENV = "LEAVEBOT_ROUTING";
    /** Approver routing as a JSON file, e.g. one shipped beside the code. */
    public static final String ROUTING_FILE_ENV = "LEAVEBOT_ROUTING_FILE";
    /** The one approver of everyone (with {@link #APPROVER_NAME_ENV}), when there is no routing document. */
    public static final String APPROVER_EMAIL_ENV = "LEAVEBOT_APPROVER_EMAIL";
    public static final String APPROVER_NAME_ENV = "LEAVEBOT_APPROVER_NAME";
    /** Comma-separated e-mail addresses of who may adjust balances and cancel anyone's leave. */
    public static final String ADMINS_ENV = "LEAVEBOT_ADMINS";

    /** The who's-out digest's durable function, which the schedule function starts executions of: its alias ARN. */
    public static final String DIGEST_FUNCTION_ENV = "LEAVEBOT_DIGEST_FUNCTION";
    /** When the digest is posted on working mornings, HH:mm in {@link #TIME_ZONE_ENV}; default 09:00. */
    public static final String DIGEST_TIME_ENV = "LEAVEBOT_DIGEST_TIME";
    /** The Slack channel ({@code C…}) the digest is posted to; with neither this nor the next, the digest is off. */
    public static final String DIGEST_SLACK_CHANNEL_ENV = "LEAVEBOT_DIGEST_SLACK_CHANNEL";
    /** The Teams channel or group chat ({@code 19:…}) the digest is posted to. */
    public static final String DIGEST_TEAMS_CONVERSATION_ENV = "LEAVEBOT_DIGEST_TEAMS_CONVERSATION";
    /** The Bot Connector of that conversation's team; default Bot Framework's global one. */
    public static final String DIGEST_TEAMS_SERVICE_URL_ENV = "LEAVEBOT_DIGEST_TEAMS_SERVICE_URL";
    /** Bot Framework's global service URL for proactive messages; a team's own regional one works too. */
    public static final String GLOBAL_TEAMS_SERVICE_URL = "https://smba.trafficmanager.net/teams/";

    /*
     * CloudWatch metrics: what the AWS functions write as embedded-metric-format lines (io.leavebot.ops.EmfMetrics)
     * and what the stack's alarms read. CloudWatch bills per metric (name and dimension values), so the dimensions
     * are few and their values from small fixed sets.
     */
    /** The namespace of every LeaveBot metric. */
    public static final String METRICS_NAMESPACE = "LeaveBot";
    /** Web requests answered (Count), by {@link #FUNCTION_DIMENSION}, {@link #ROUTE_DIMENSION} and {@link #STATUS_CLASS_DIMENSION}, and by function and status class alone. */
    public static final String REQUESTS_METRIC = "Requests";
    /** Notifications a channel failed to carry (Count), by {@link #CHANNEL_DIMENSION} ({@code slack}, {@code teams}, {@code email}). */
    public static final String NOTIFICATION_FAILURES_METRIC = "NotificationFailures";
    /** From a person's answer arriving to the decision being recorded (Milliseconds), without dimensions. */
    public static final String CALLBACK_LATENCY_METRIC = "CallbackLatency";
    /** The leave table's writes of a decision (Milliseconds), without dimensions. */
    public static final String STORE_WRITE_METRIC = "StoreWriteTime";
    /** The Lambda function that wrote the line: its name, as {@code AWS/Lambda}'s metrics name it. */
    public static final String FUNCTION_DIMENSION = "FunctionName";
    /** The route of a web request ({@code /decide}, {@code /api/leaves}, {@code /slack/events}, ..., {@code other}). */
    public static final String ROUTE_DIMENSION = "Route";
    /** The class of a web answer's status: {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}. */
    public static final String STATUS_CLASS_DIMENSION = "StatusClass";
    /** The channel of a failed notification. */
    public static final String CHANNEL_DIMENSION = "Channel";
    /** The e-mail channel's name, as notifications and {@link #CHANNEL_DIMENSION} record it. */
    public static final String EMAIL_CHANNEL = "email";

    /** Key of the secret's JSON: the Slack bot token ({@code xoxb-…}); without it, people are reached by e-mail. */
    public static final String SECRET_SLACK_BOT_TOKEN = "slackBotToken";
    /** Key of the secret's JSON: the Slack signing secret, which the Slack front end verifies requests with. */
    public static final String SECRET_SLACK_SIGNING_SECRET = "slackSigningSecret";
    /** Key of the secret's JSON: the Teams bot's Microsoft App ID; with the two below, or none of them (no Teams). */
    public static final String SECRET_TEAMS_APP_ID = "teamsAppId";
    /** Key of the secret's JSON: the Teams bot's client secret (its Azure app registration's). */
    public static final String SECRET_TEAMS_APP_PASSWORD = "teamsAppPassword";
    /** Key of the secret's JSON: the Microsoft Entra tenant the single-tenant Teams bot is registered in. */
    public static final String SECRET_TEAMS_TENANT_ID = "teamsTenantId";
    /** Key of the secret's JSON: the HMAC key of e-mail decision links, 32 bytes or more; required. */
    public static final String SECRET_DECISION_LINK_KEY = "decisionLinkKey";
    /** Key of the secret's JSON: the JSON API's bearer key, 24 characters or more; without it, the API is off. */
    public static final String SECRET_API_KEY = "apiKey";
    /** Key of the secret's JSON: the Slack app's Client ID, for {@code /leave connect}; with the next two, or none. */
    public static final String SECRET_SLACK_CLIENT_ID = "slackClientId";
    /** Key of the secret's JSON: the Slack app's Client Secret, which exchanges the OAuth code for a user token. */
    public static final String SECRET_SLACK_CLIENT_SECRET = "slackClientSecret";
    /** Key of the secret's JSON: base64 of 32 random bytes, the AES-256-GCM key people's Slack user tokens are sealed with. */
    public static final String SECRET_TOKEN_KEY = "tokenKey";

    /**
     * The JVM options the stack gives every Lambda function ({@code JAVA_TOOL_OPTIONS}), and the package tests and
     * {@code bench/run bot} start the handlers with: C1 only, as AWS documents for short-lived functions.
     */
    public static final String LAMBDA_JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private LeaveBotNames() {
    }
}
