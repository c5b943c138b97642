/**
 * LeaveBot over plain HTTP: the page behind the signed Approve / Reject links in e-mails, and the JSON API for
 * integrations, served by {@link io.leavebot.http.WebServer} on loopback unless configured otherwise.
 */
package io.leavebot.http;
