package io.leavebot.infra;

import java.time.LocalTime;
import java.util.Optional;

/**
 * Where and when the daily who's-out digest is posted, from the CDK context; with neither channel it is off and
 * the stack has none of its parts.
 *
 * @param time              when, in the stack's time zone, on every working morning
 * @param slackChannel      the Slack channel's id ({@code C…}), or null
 * @param teamsConversation the Teams channel's or group chat's id ({@code 19:…}), or null
 * @param teamsServiceUrl   the Bot Connector of that team, or null for Bot Framework's global one
 */
record DigestProps(LocalTime time, String slackChannel, String teamsConversation, String teamsServiceUrl) {
    static final String TIME = "digestTime";
    static final String SLACK_CHANNEL = "digestSlackChannel";
    static final String TEAMS_CONVERSATION = "digestTeamsConversation";
    static final String TEAMS_SERVICE_URL = "digestTeamsServiceUrl";

    static DigestProps fromContext(ContextValues in) {
        LocalTime time = in.parsed(TIME, "09:00", LocalTime::parse, "a time of day as HH:mm, such as 09:00");
        String slack = in.optional(SLACK_CHANNEL).orElse(null);
        String teams = in.optional(TEAMS_CONVERSATION).orElse(null);
        String serviceUrl = in.optional(TEAMS_SERVICE_URL).orElse(null);
        in.check(slack == null || slack.matches("[CG][A-Z0-9]{2,}"), SLACK_CHANNEL + " must be a Slack channel's id "
                + "such as C0123ABCD (the channel's details show it), but was '" + slack + "'.");
        in.check(serviceUrl == null || teams != null, TEAMS_SERVICE_URL + " is set without " + TEAMS_CONVERSATION + ".");
        in.check(serviceUrl == null || serviceUrl.startsWith("https://"), TEAMS_SERVICE_URL + " must be an https URL, "
                + "but was '" + serviceUrl + "'.");
        return new DigestProps(time, slack, teams, serviceUrl);
    }

    /** Whether the digest is posted anywhere. */
    boolean on() {
        return slackChannel != null || teamsConversation != null;
    }

    Optional<String> slack() {
        return Optional.ofNullable(slackChannel);
    }

    Optional<String> teams() {
        return Optional.ofNullable(teamsConversation);
    }

    /** EventBridge Scheduler's cron, every day at {@link #time} (the function skips days that are not working days). */
    String cron() {
        return "cron(" + time.getMinute() + " " + time.getHour() + " * * ? *)";
    }
}
