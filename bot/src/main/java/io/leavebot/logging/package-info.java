/**
 * LeaveBot's logs: its own small SLF4J backend ({@link io.leavebot.logging.LeaveBotLogging}), readable lines on one
 * machine and Lambda's JSON lines on AWS, levels from settings, and every known secret masked
 * ({@link io.leavebot.logging.LogSecrets}).
 */
package io.leavebot.logging;
