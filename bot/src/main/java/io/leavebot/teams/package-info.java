/**
 * The Microsoft Teams front end, over the Bot Framework REST protocol (the Java SDK is archived): the messaging
 * endpoint with its JWT check, the {@code leave} commands and the request form, Approve / Reject on Adaptive Cards
 * ({@code Action.Execute}), and the workflow's messages sent proactively through the Bot Connector.
 */
package io.leavebot.teams;
