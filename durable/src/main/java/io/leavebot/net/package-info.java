/**
 * How LeaveBot speaks HTTP to other services: {@link io.leavebot.net.PlainHttp}, one blocking exchange over the JDK's
 * {@code HttpURLConnection}. It sits in the lowest module, apart from the runtime's packages, because both the
 * runtime's AWS caller and the chat clients (Slack's Web API, Teams' Bot Connector) send through it.
 */
package io.leavebot.net;
