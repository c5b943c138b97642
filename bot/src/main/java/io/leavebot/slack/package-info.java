/**
 * Slack, the front end people meet first: the {@code /leave} command, the request modal, the Approve / Reject
 * buttons, the App Home tab, and the {@link io.leavebot.notify.ChatChannel} that sends the workflow's messages as
 * DMs. Everything here goes through {@link io.leavebot.workflow.LeaveRequests}; no listener touches the store or
 * the durable runtime directly.
 */
package io.leavebot.slack;
