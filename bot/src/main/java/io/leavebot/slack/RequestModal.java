package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
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
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import com.slack.api.webhook.WebhookResponse;
import io.leavebot.chat.BalanceReplies;
import io.leavebot.chat.ChatReplies;
import io.leavebot.chat.RequestIds;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveSubmission;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
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
 * The request form that {@code /leave} opens: leave type, first and last day, half day, the balance of the chosen
 * type and what the request does to it (updated as the type and days change), reason. Its submission
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
    /** The context block that states the balance of the chosen type, and what the request does to it. */
    static final String BALANCE = "balance";
    /** The inputs whose change updates the balance line. */
    static final List<String> DISPATCHING = List.of(TYPE, START, END, HALF_DAY);

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

    /**
     * The form as it opens for {@code employee}: the first type chosen, and its balance today.
     *
     * @param origin   where {@code /leave} was typed
     * @param employee who asks, or null when not known yet (then the balance line shows once they choose)
     */
    View modal(Origin origin, Person employee) {
        LeaveSubmission nothingYet = new LeaveSubmission(null, employee, policy.types().get(0), null, null, false, null);
        return form(origin.encode(), nothingYet, null);
    }

    /**
     * The type, a day or the half day changed (their inputs dispatch actions): the form again, with the balance
     * line for what is chosen now. {@code views.update} is called before the ack, as the ack must not wait for
     * anything slow and this is one quick call; the view's hash makes Slack refuse it when the person changed the
     * form again meanwhile, and that newer change brings its own update.
     */
    Response changed(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        View view = req.getPayload().getView();
        if (view == null || !CALLBACK_ID.equals(view.getCallbackId())) {
            return ctx.ack();
        }
        Person employee = people.person(req.getPayload().getUser().getId());
        View updated = form(view.getPrivateMetadata(), submission(view, employee), requestIdOf(view));
        var answer = ctx.client().viewsUpdate(r -> r.viewId(view.getId()).hash(view.getHash()).view(updated));
        if (!answer.isOk()) {
            LOG.log(System.Logger.Level.INFO, "slack views.update of the request form answered " + answer.getError());
        }
        return ctx.ack();
    }

    /**
     * The form with {@code chosen}'s type, days and half day as its inputs' values, and the balance line for them.
     * Slack keeps what was typed into an input whose block id stays the same; the initial values say it again for
     * clients that draw the view anew.
     */
    private View form(String metadata, LeaveSubmission chosen, String requestId) {
        List<OptionObject> types = policy.types().stream()
                .map(t -> option(plainText(t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1)), t)).toList();
        OptionObject type = types.stream().filter(o -> o.getValue().equals(chosen.type())).findFirst().orElse(types.get(0));
        OptionObject halfDay = option(plainText("Only half of that day (first and last day the same)"), HALF_DAY);
        return view(v -> v.type("modal").callbackId(CALLBACK_ID).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Ask for leave")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Send request")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(TYPE).label(plainText("Leave type")).dispatchAction(true)
                                .element(staticSelect(s -> s.actionId(TYPE).options(types).initialOption(type)))),
                        input(i -> i.blockId(START).label(plainText("First day")).dispatchAction(true)
                                .element(datePicker(d -> d.actionId(START).placeholder(plainText("Pick the first day"))
                                        .initialDate(chosen.start() == null ? null : chosen.start().toString())))),
                        input(i -> i.blockId(END).label(plainText("Last day")).dispatchAction(true)
                                .hint(plainText("For a single day, pick the first day again."))
                                .element(datePicker(d -> d.actionId(END).placeholder(plainText("Pick the last day"))
                                        .initialDate(chosen.end() == null ? null : chosen.end().toString())))),
                        input(i -> i.blockId(HALF_DAY).label(plainText("Half day")).optional(true).dispatchAction(true)
                                .element(checkboxes(c -> c.actionId(HALF_DAY).options(List.of(halfDay))
                                        .initialOptions(chosen.halfDay() ? List.of(halfDay) : null)))),
                        context(c -> c.blockId(BALANCE).elements(List.of(markdownText(balanceLine(chosen, requestId))))),
                        input(i -> i.blockId(REASON).label(plainText("Reason")).optional(true)
                                .hint(plainText("Optional; your approver sees it."))
                                .element(plainTextInput(p -> p.actionId(REASON).multiline(true)
                                        .maxLength(policy.maxReasonLength())))))));
    }

    /** What the chosen type and days do to the balance; for a type without one, that LeaveBot keeps none. */
    private String balanceLine(LeaveSubmission chosen, String requestId) {
        if (chosen.employee() == null) {
            return "Pick the days to see what they take from your balance.";
        }
        List<String> lines = BalanceReplies.form(leaves.balances(), chosen.employee(), chosen.type(), chosen.start(), chosen.end(),
                chosen.halfDay(), requestId);
        String text = lines.isEmpty() ? "LeaveBot keeps no balance of " + BalanceWording.typePhrase(chosen.type()) + "."
                : String.join("\n", lines);
        return BlockKitText.mrkdwn(text, BlockKitText.SECTION);
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
        return new LeaveSubmission(requestIdOf(view), employee,
                type == null || type.getSelectedOption() == null ? null : type.getSelectedOption().getValue(),
                date(LeaveValidator.START, value(values, START)), date(LeaveValidator.END, value(values, END)),
                halfDay != null && halfDay.getSelectedOptions() != null && !halfDay.getSelectedOptions().isEmpty(),
                value(values, REASON) == null ? null : value(values, REASON).getValue());
    }

    /** The request a form's submission makes: one per view, so a double or retried submission makes one request. */
    private static String requestIdOf(View view) {
        return RequestIds.from("slack-view:" + view.getId());
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
