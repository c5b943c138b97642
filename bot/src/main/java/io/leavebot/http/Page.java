package io.leavebot.http;

/** A whole HTML answer: its status and the page. */
record Page(int status, String html) {
}
