/**
 * What LeaveBot hands to other software: iCalendar feeds of who is out ({@link io.leavebot.exports.CalendarFeeds},
 * behind per-feed secret tokens kept in {@link io.leavebot.exports.FeedTokens}) and payroll's leave report
 * ({@link io.leavebot.exports.LeaveReport}, streamed as CSV or JSON, downloadable by a signed link,
 * {@link io.leavebot.exports.ReportLinks}). Both ask {@link io.leavebot.workflow.Roles} who sees what.
 */
package io.leavebot.exports;
