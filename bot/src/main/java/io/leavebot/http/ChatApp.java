package io.leavebot.http;

/**
 * A chat app LeaveBot is in, where approvers can decide as well as through e-mail links. The decision pages point
 * people only to the chat apps that are on (see {@link WebApp.Builder#chatApp}).
 */
public enum ChatApp {
    SLACK("Slack"),
    TEAMS("Microsoft Teams");

    private final String displayName;

    ChatApp(String displayName) {
        this.displayName = displayName;
    }

    /** The name people know it by. */
    String displayName() {
        return displayName;
    }
}
