package io.leavebot.chat;

import io.leavebot.notify.NotificationText.Detail;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One answer to someone in chat, independent of the platform: paragraphs in order, then facts about a request
 * (label → value). Slack renders it as ephemeral text or a notice on the Home tab; Teams as a message.
 */
public record ChatReply(List<String> paragraphs, List<Detail> facts) {

    public ChatReply {
        paragraphs = List.copyOf(paragraphs);
        facts = List.copyOf(facts);
    }

    static ChatReply of(String... paragraphs) {
        return new ChatReply(List.of(paragraphs), List.of());
    }

    static ChatReply of(List<String> paragraphs) {
        return new ChatReply(paragraphs, List.of());
    }

    /** The reply as plain text: one line per paragraph, then one {@code Label: value} line per fact. */
    public String plainText() {
        List<String> lines = new ArrayList<>(paragraphs);
        facts.forEach(f -> lines.add(f.label() + ": " + f.value()));
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
