package io.leavebot.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.notify.NotificationTexts;
import java.util.List;
import java.util.Optional;

/**
 * The Approve / Reject buttons' wiring, shared by the approval DM and the App Home tab: their action ids and the
 * value they carry (the request id, to check who may decide, and the callback id the click resolves).
 */
public final class DecisionButtons {
    /** Approves straight away. */
    public static final String APPROVE = "leave_approve";
    /** Rejects without a comment, after Slack's confirm dialog. */
    public static final String REJECT = "leave_reject";
    /** Opens a small modal for the rejection's comment. */
    public static final String REJECT_WITH_COMMENT = "leave_reject_comment";
    /** All three, for one listener. */
    public static final java.util.regex.Pattern ANY = java.util.regex.Pattern.compile("^leave_(approve|reject|reject_comment)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a button carries; Slack hands it back verbatim on the click (at most 2000 characters). */
    public record Target(String requestId, String callbackId) {
        public String encode() {
            return JSON.createObjectNode().put("request", requestId).put("callback", callbackId).toString();
        }
    }

    private DecisionButtons() {
    }

    /**
     * The actions block: Approve (primary), Reject (danger, behind a confirm dialog) and Reject with comment.
     *
     * @param employee who asked, named in the confirm dialog
     */
    static ObjectNode block(Target target, String employee) {
        String value = target.encode();
        ObjectNode reject = BlockKit.button(REJECT, NotificationTexts.REJECT, value).put("style", "danger");
        reject.set("confirm", BlockKit.confirm("danger", "Reject this request?", rejectWarning(employee), "Reject", "Keep it"));
        return BlockKit.actions("decide:" + target.requestId(), List.of(
                BlockKit.button(APPROVE, NotificationTexts.APPROVE, value).put("style", "primary"),
                reject,
                BlockKit.button(REJECT_WITH_COMMENT, "Reject with comment…", value)));
    }

    /** Says who will be told; a long name is shortened so the dialog stays within Slack's limit. */
    private static String rejectWarning(String employee) {
        String rest = " will be told it was rejected. To say why, use \"Reject with comment\" instead.";
        return BlockKitText.plain(employee, BlockKitText.CONFIRM - rest.length()) + rest;
    }

    /** The target of a click, or empty when the value is not one of ours (a forged or truncated payload). */
    public static Optional<Target> decode(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(value);
            String request = node.path("request").asText(null);
            String callback = node.path("callback").asText(null);
            return request == null || request.isBlank() ? Optional.empty() : Optional.of(new Target(request, callback));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
