package io.leavebot.infra;

import io.leavebot.LeaveBotNames;
import software.amazon.awscdk.Duration;

/**
 * The chat front ends, each deployed only when its context switch is on ({@code -c slack=false}, {@code -c
 * teams=true}): its handler refuses to start without its keys in the secret, and SnapStart starts it when its
 * version is published, so a deployment whose secret lacks them would fail. Off, nothing of it is deployed: no
 * function, alias, URL, log group, role, alarm or output. Everything a chat front end has, the stack builds from
 * here, so a switch leaves out all of it.
 */
public enum ChatFrontEnd {
    SLACK(LeaveBotProps.SLACK, true, "Slack", LeaveBotStack.SLACK_HANDLER, LeaveBotStack.FRONT_END_TIMEOUT,
            LeaveBotNames.SLACK_CHANNEL, "SlackRequestUrl", LeaveBotStack.SLACK_PATH,
            "Slack's Request URL: paste it into manifest.yml wherever it says REQUEST_URL"),
    TEAMS(LeaveBotProps.TEAMS, false, "Teams", LeaveBotStack.TEAMS_HANDLER, LeaveBotStack.TEAMS_TIMEOUT,
            LeaveBotNames.TEAMS_CHANNEL, "TeamsMessagingEndpoint", LeaveBotStack.TEAMS_PATH,
            "The Azure Bot's messaging endpoint (Configuration → Messaging endpoint)");

    private final String contextKey;
    private final boolean onByDefault;
    private final String id;
    private final String handler;
    private final Duration timeout;
    private final String addressChannel;
    private final String outputId;
    private final String path;
    private final String outputDescription;

    ChatFrontEnd(String contextKey, boolean onByDefault, String id, String handler, Duration timeout,
            String addressChannel, String outputId, String path, String outputDescription) {
        this.contextKey = contextKey;
        this.onByDefault = onByDefault;
        this.id = id;
        this.handler = handler;
        this.timeout = timeout;
        this.addressChannel = addressChannel;
        this.outputId = outputId;
        this.path = path;
        this.outputDescription = outputDescription;
    }

    /** Its switch in the context: {@code true} or {@code false}. */
    String contextKey() {
        return contextKey;
    }

    /** Whether it is deployed when its switch is not given. */
    boolean onByDefault() {
        return onByDefault;
    }

    /** Its construct id, which its resources' logical ids start with; also its name in messages. */
    String id() {
        return id;
    }

    String handler() {
        return handler;
    }

    /** How long one request may run: as long as the chat waits for the answer. */
    Duration timeout() {
        return timeout;
    }

    /**
     * The channel whose addresses it saves besides reading: the Slack front end keeps the Slack id of each person
     * it looks up, the Teams front end the conversation it has with a person, so that the workflow can message them
     * there later.
     */
    String addressChannel() {
        return addressChannel;
    }

    /** The stack output that tells where the chat sends its requests. */
    String outputId() {
        return outputId;
    }

    /** Where the chat sends its requests under the function's URL (the function serves any path). */
    String path() {
        return path;
    }

    String outputDescription() {
        return outputDescription;
    }
}
