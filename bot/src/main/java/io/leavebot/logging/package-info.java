/**
 * LeaveBot's logs: logback configured in code ({@link io.leavebot.logging.LeaveBotLogConfigurator}), readable lines
 * on one machine and Lambda's JSON lines on AWS, levels from settings, and every known secret masked
 * ({@link io.leavebot.logging.LogSecrets}).
 */
package io.leavebot.logging;
