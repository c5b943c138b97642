package io.leavebot.logging;

/** How a {@link LogEvent} becomes the text written for it, its line end included; the whole text masked. */
interface LineLayout {
    String format(LogEvent event);
}
