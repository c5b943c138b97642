package io.leavebot.store;

import io.leavebot.balance.LeaveLedger;
import io.leavebot.exports.FeedTokens;
import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.LeaveStore;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.UserTokens;

/**
 * The ports an adapter keeps together in one database — the leave requests, the notification log, the chat
 * address book, the approvers' away calendar, the leave ledger, people's Slack user tokens and the calendar feeds'
 * tokens — so that a composition root opens one thing and hands each part to whoever needs it.
 */
public interface Store extends LeaveStore, NotificationLog, ChatAddressBook, AwayCalendar, LeaveLedger, UserTokens, FeedTokens {
}
