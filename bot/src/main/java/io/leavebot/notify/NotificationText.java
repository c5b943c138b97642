package io.leavebot.notify;

import io.leavebot.leave.LeaveStatus;
import java.util.List;

/**
 * The words of one notification, independent of the channel: e-mail renders the title as the subject and a
 * heading, Slack and Teams render the same parts as blocks and cards.
 *
 * @param title      one line that says what happened; the e-mail subject
 * @param greeting   "Hi Ada," (channels that address people by mention may leave it out)
 * @param paragraphs what happened and what to do next, in order
 * @param details    label → value facts about the request (dates, working days, type, reason, status…)
 * @param actions    the buttons or links to offer, in order; empty when there is nothing to decide
 */
public record NotificationText(String title, String greeting, List<String> paragraphs, List<Detail> details,
        List<Action> actions) {

    /** One fact, e.g. {@code Dates: Mon 12 Jan 2026 – Fri 16 Jan 2026}. */
    public record Detail(String label, String value) {
    }

    /**
     * One thing the reader can do.
     *
     * @param decision APPROVED or REJECTED: what the action resolves the request to
     * @param label    the button or link text, e.g. "Approve"
     */
    public record Action(LeaveStatus decision, String label) {
    }

    public NotificationText {
        paragraphs = List.copyOf(paragraphs);
        details = List.copyOf(details);
        actions = List.copyOf(actions);
    }

    /** Whether the reader is asked to decide. */
    public boolean hasActions() {
        return !actions.isEmpty();
    }
}
