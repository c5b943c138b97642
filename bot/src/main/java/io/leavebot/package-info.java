/** LeaveBot's root: names shared by the application and its AWS deployment ({@link io.leavebot.LeaveBotNames}). */
package io.leavebot;
