package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.webhook.WebhookResponse;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Submitted;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The request form that {@code /leave} opens: leave type, first and last day, half day, reason. Its submission
 * goes to {@link LeaveRequests#submit} with a request id derived from the view's id, which a double or retried
 * submission shares, so it cannot start a second request. Problems are shown under their fields; the form closes
 * once the request is on its way. The receipt arrives as a direct message, so a form opened anywhere else (a
 * channel, a DM with a colleague) leaves a note there, only for the person, saying where the receipt went.
 */
final class RequestModal {
    static final String CALLBACK_ID = "leave-request";
    static final String TYPE = "type";
    static final String START = "start";
    static final String END = "end";
    static final String HALF_DAY = "half-day";
    static final String REASON = "reason";

    /** Validator field → the block showing its problem; problems with no field of their own show on the first block. */
    private static final Map<String, String> BLOCK_OF_FIELD = Map.of(LeaveValidator.TYPE, TYPE, LeaveValidator.START,
            START, LeaveValidator.END, END, LeaveValidator.HALF_DAY, HALF_DAY, LeaveValidator.REASON, REASON);

    private static final System.Logger LOG = System.getLogger(RequestModal.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where {@code /leave} was typed, carried in the form's private_metadata (which Slack returns as it was set):
     * the conversation, and the command's {@code response_url}, which may post into it for 30 minutes, whether or
     * not the bot is a member there.
     */
    record Origin(String channel, String responseUrl) {
        String encode() {
            return JSON.createObjectNode().put("channel", channel).put("response_url", responseUrl).toString();
        }

        /** Empty for a form without an origin (or one opened before forms carried it). */
        static Optional<Origin> decode(String metadata) {
            try {
                JsonNode node = JSON.readTree(metadata == null || metadata.isBlank() ? "{}" : metadata);
                if (node.path("channel").isTextual() && node.path("response_url").isTextual()) {
                    return Optional.of(new Origin(node.path("channel").asText(), node.path("response_url").asText()));
                }
            } catch (JsonProcessingException e) {
                // not ours: no note, the receipt still arrives
            }
            return Optional.empty();
        }
    }

    private final LeaveRequests leaves;
    private final SlackPeople people;
    private final LeavePolicy policy;
    private final ChatReplies replies;

    RequestModal(LeaveRequests leaves, SlackPeople people, LeavePolicy policy, ChatReplies replies) {
        this.leaves = leaves;
        this.people = people;
        this.policy = policy;
        this.replies = replies;
    }

    /** @param origin where {@code /leave} was typed */
    View modal(Origin origin) {
        List<OptionObject> types = policy.types().stream()
                .map(t -> option(plainText(t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1)), t)).toList();
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(origin.encode())
                .title(viewTitle(t -> t.type("plain_text").text("Ask for leave")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send request")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TYPE).label(plainText("Leave type"))
                                .element(staticSelect(s -> s.actionId(TYPE).options(types).initialOption(types.get(0))))),
                        input(i -> i.blockId(START).label(plainText("First day"))
                                .element(datePicker(d -> d.actionId(START).placeholder(plainText("Pick the first day"))))),
                        input(i -> i.blockId(END).label(plainText("Last day"))
                                .hint(plainText("For a single day, pick the first day again."))
                                .element(datePicker(d -> d.actionId(END).placeholder(plainText("Pick the last day"))))),
                        input(i -> i.blockId(HALF_DAY).label(plainText("Half day")).optional(true)
                                .element(checkboxes(c -> c.actionId(HALF_DAY).options(List.of(
                                        option(plainText("Only half of that day (first and last day the same)"), HALF_DAY)))))),
                        input(i -> i.blockId(REASON).label(plainText("Reason")).optional(true)
                                .hint(plainText("Optional; your approver sees it."))
                                .element(plainTextInput(p -> p.actionId(REASON).multiline(true)
                                        .maxLength(policy.maxReasonLength())))))));
    }

    /** The form was sent: submit the request, or show every problem under its field. */
    Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
        View view = req.getPayload().getView();
        String userId = req.getPayload().getUser().getId();
        Submitted submitted = leaves.submit(submission(view, people.person(userId)));
        if (!submitted.accepted()) {
            return ctx.ackWithErrors(byBlock(submitted.errors()));
        }
        Origin.decode(view.getPrivateMetadata()).filter(origin -> !isDirectMessageWithBot(ctx, origin.channel(), userId))
                .ifPresent(origin -> sayWhereTheReceiptWent(ctx, origin));
        return ctx.ack();
    }

    /** Best effort, as the note is: when Slack cannot say, the note is posted. */
    private static boolean isDirectMessageWithBot(ViewSubmissionContext ctx, String channel, String userId) {
        if (!channel.startsWith("D")) {
            return false; // channels start with C, group DMs and old private channels with G
        }
        try {
            var opened = ctx.client().conversationsOpen(r -> r.users(List.of(userId)));
            return opened.isOk() && channel.equals(opened.getChannel().getId());
        } catch (IOException | SlackApiException e) {
            return false;
        }
    }

    private void sayWhereTheReceiptWent(ViewSubmissionContext ctx, Origin origin) {
        String text = SlackText.mrkdwn(replies.receiptInDirectMessages());
        try {
            WebhookResponse sent = new Responder(ctx.getSlack(), origin.responseUrl())
                    .sendToCommand(r -> r.responseType("ephemeral").text(text));
            if (sent.getCode() != 200) {
                LOG.log(System.Logger.Level.INFO, "slack response_url of the request form's command answered " + sent.getCode());
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "slack response_url of the request form's command: " + e.getMessage());
        }
    }

    private static LeaveSubmission submission(View view, Person employee) {
        Map<String, Map<String, ViewState.Value>> values = view.getState().getValues();
        ViewState.Value type = value(values, TYPE);
        ViewState.Value halfDay = value(values, HALF_DAY);
        return new LeaveSubmission(RequestIds.from("slack-view:" + view.getId()), employee,
                type == null || type.getSelectedOption() == null ? null : type.getSelectedOption().getValue(),
                date(LeaveValidator.START, value(values, START)), date(LeaveValidator.END, value(values, END)),
                halfDay != null && halfDay.getSelectedOptions() != null && !halfDay.getSelectedOptions().isEmpty(),
                value(values, REASON) == null ? null : value(values, REASON).getValue());
    }

    /** The input of the block whose action has the block's own id (as every block of this form does). */
    static ViewState.Value value(Map<String, Map<String, ViewState.Value>> values, String block) {
        Map<String, ViewState.Value> actions = values == null ? null : values.get(block);
        return actions == null ? null : actions.get(block);
    }

    /** A date picker's YYYY-MM-DD; null when none was picked (or the payload was forged), which the validator reports. */
    private static LocalDate date(String field, ViewState.Value value) {
        return value == null ? null : LeaveValidator.parseDate(field, value.getSelectedDate()).date();
    }

    private static Map<String, String> byBlock(Map<String, String> errors) {
        Map<String, String> byBlock = new LinkedHashMap<>();
        errors.forEach((field, message) -> byBlock.merge(BLOCK_OF_FIELD.getOrDefault(field, TYPE), message, (a, b) -> a + " " + b));
        return byBlock;
    }
}
