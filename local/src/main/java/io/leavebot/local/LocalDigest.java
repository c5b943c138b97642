package io.leavebot.local;

import io.leavebot.LeaveBotNames;
import io.leavebot.balance.WorkingCalendar;
import io.leavebot.calendar.TeamCalendar;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.store.SqliteLeaveStore;
import io.leavebot.workflow.DigestChannel;
import io.leavebot.workflow.DigestMornings;
import io.leavebot.workflow.DigestWorkflow;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The who's-out digest for the local launcher: {@value #SLACK_CHANNEL} (a channel id, {@code C…}; the local
 * workspace's #general is {@code C0GENERAL}) and {@value #TEAMS_CONVERSATION} (a Teams channel's or group chat's
 * id, at {@value #TEAMS_SERVICE_URL}) say where it goes, {@value #TIME} when (HH:mm in {@code LEAVEBOT_TIME_ZONE},
 * default 09:00). Without a channel it is off.
 */
final class LocalDigest {
    static final String TIME = LeaveBotNames.DIGEST_TIME_ENV;
    static final String SLACK_CHANNEL = LeaveBotNames.DIGEST_SLACK_CHANNEL_ENV;
    static final String TEAMS_CONVERSATION = LeaveBotNames.DIGEST_TEAMS_CONVERSATION_ENV;
    static final String TEAMS_SERVICE_URL = LeaveBotNames.DIGEST_TEAMS_SERVICE_URL_ENV;

    private LocalDigest() {
    }

    /**
     * Registers the digest's function with the engine (always, so that a digest running when it was switched off
     * still ends) and returns its scheduler when a channel is configured.
     *
     * @throws SettingsException when a digest channel is set for a chat that is not, or the time is not HH:mm
     */
    static Optional<DigestScheduler> register(Settings settings, EmbeddedEngine engine, SqliteLeaveStore store, TeamCalendar calendar,
            WorkingCalendar company, Optional<LocalSlack> slack, Optional<LocalTeams> teams, ZoneId zone, Clock clock) {
        var mornings = new DigestMornings(company, time(settings), zone);
        List<DigestChannel> channels = new ArrayList<>();
        settings.optional(SLACK_CHANNEL).ifPresent(channel -> channels.add(slack.orElseThrow(() -> new SettingsException(
                SLACK_CHANNEL + " is set, but Slack is not: set SLACK_BOT_TOKEN (see README, \"Slack\"), or unset it"))
                .digestChannel(channel)));
        settings.optional(TEAMS_CONVERSATION).ifPresent(conversation -> channels.add(teams.orElseThrow(() -> new SettingsException(
                TEAMS_CONVERSATION + " is set, but Teams is not: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID, or unset it"))
                .digestChannel(settings.string(TEAMS_SERVICE_URL, LeaveBotNames.GLOBAL_TEAMS_SERVICE_URL), conversation)));
        engine.register(DigestWorkflow.FUNCTION, new DigestWorkflow(calendar, store.digestDays(), store, channels, clock));
        return channels.isEmpty() ? Optional.empty() : Optional.of(new DigestScheduler(mornings, engine, clock));
    }

    private static LocalTime time(Settings settings) {
        Optional<String> value = settings.optional(TIME);
        try {
            return value.map(LocalTime::parse).orElse(DigestMornings.DEFAULT_TIME);
        } catch (DateTimeParseException e) {
            throw new SettingsException(TIME + " must be a time of day as HH:mm, such as 09:00 or 08:30, but was '" + value.get() + "'");
        }
    }
}
