/**
 * What chat front ends share, whatever the platform: the {@code /leave} command grammar ({@link
 * io.leavebot.chat.CommandParser}), the request ids people type ({@link io.leavebot.chat.RequestIds}) and the words
 * of every reply ({@link io.leavebot.chat.ChatReplies}). Slack renders them today and Teams will tomorrow; nothing
 * here knows either platform.
 */
package io.leavebot.chat;
