/**
 * The local workspace: Slack played in the browser when no Slack tokens are set, an in-process stand-in for the
 * Slack platform that LeaveBot's unchanged Slack code talks to, with panels for e-mail, executions and time.
 */
package io.leavebot.workspace;
