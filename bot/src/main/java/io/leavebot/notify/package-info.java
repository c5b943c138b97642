/** Who hears what, on which channel: chat first, e-mail as the fallback, each notification sent once. */
package io.leavebot.notify;
