package io.leavebot.email;

/**
 * One message with a plain-text and an HTML part.
 *
 * @param idempotencyKey stable per notification (execution name + step), so adapters that can de-duplicate do
 */
public record Email(String from, String to, String subject, String text, String html, String idempotencyKey) {
}
