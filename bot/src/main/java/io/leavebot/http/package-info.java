/**
 * LeaveBot over plain HTTP: the page behind the signed Approve / Reject links in e-mails, and the JSON API for
 * integrations, as one {@link io.leavebot.http.WebApp}; served by {@link io.leavebot.http.WebServer} on loopback
 * unless configured otherwise, or request by request by a host such as a Lambda Function URL.
 */
package io.leavebot.http;
