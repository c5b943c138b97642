package io.leavebot.workspace;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The workspace's Slack identity: its team, the LeaveBot app installed in it, and the app's credentials, new on
 * every start (LeaveBot and the workspace live in one process, so nobody else ever needs them).
 *
 * @param botToken      the bot token ({@code xoxb-…}) LeaveBot calls the Web API with
 * @param signingSecret the secret the workspace signs its requests to LeaveBot with, as Slack does
 * @param url           the workspace's address, which {@code auth.test} answers
 */
record Team(String name, String url, String botToken, String signingSecret) {
    static final String TEAM_ID = "T0LOCAL";
    static final String TEAM_DOMAIN = "leavebot-local";
    static final String APP_ID = "A0LEAVEBOT";
    static final String BOT_ID = "B0LEAVEBOT";
    static final String BOT_USER = "U0LEAVEBOT";
    static final String BOT_NAME = "leavebot";

    /** Credentials drawn from a secure random source. */
    static Team generate(String name, String url) {
        var random = new SecureRandom();
        return new Team(name, url, "xoxb-local-" + hex(random, 12) + "-" + hex(random, 12), hex(random, 16));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** Names the fields only: the token and the secret must not reach a log. */
    @Override
    public String toString() {
        return "Team[" + name + ", botToken=<hidden>, signingSecret=<hidden>]";
    }
}
