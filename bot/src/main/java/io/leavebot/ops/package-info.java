/**
 * Running LeaveBot for others: {@link io.leavebot.ops.HealthChecks} behind {@code /healthz}, and
 * {@link io.leavebot.ops.LeaveBotMetrics} behind {@code /metrics} (Prometheus, off unless enabled), with the small
 * decorators that count at the edges ({@link io.leavebot.ops.MeteredChat}, {@link io.leavebot.ops.MeteredMailer}) so
 * that the business code knows nothing of either.
 */
package io.leavebot.ops;
