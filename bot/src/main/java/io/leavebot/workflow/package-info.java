/** The leave workflow (a durable handler) and the one service front ends use to submit, cancel and decide. */
package io.leavebot.workflow;
