package io.leavebot.email;

/** An action of a notification as an e-mail shows it: a labelled, signed link. */
record ActionLink(String label, String url, boolean approves) {
}
