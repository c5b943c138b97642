package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.usersSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackApiException;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import io.leavebot.chat.AwayReplies;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.Person;
import io.leavebot.slack.HomeView.Notice;
import io.leavebot.workflow.AwayPeriods;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "Away" part of App Home: one's away periods, a Cancel button for each, and a button opening a small form
 * (first day, last day, stand-in) to declare one. Each change publishes Home again with what it did on top.
 */
final class AwayHome {
    /** action_id of the button opening the form. */
    static final String DECLARE = "away-declare";
    /** action_id of a period's Cancel button; its value is the period's first day. */
    static final String CANCEL = "away-cancel";
    static final String CALLBACK_ID = "away-period";
    static final String FROM = "away-from";
    static final String TO = "away-to";
    static final String STAND_IN = "away-stand-in";
    /** Home shows this many periods (one Cancel button each, in one actions block with the form's button). */
    static final int SHOWN = 5;
    /** Service field → the block showing its problem; the approver's own shows on the first. */
    private static final Map<String, String> BLOCK_OF_FIELD = Map.of(AwayPeriods.FROM, FROM, AwayPeriods.TO, TO,
            AwayPeriods.STAND_IN, STAND_IN);

    private final AwayPeriods away;
    private final AwayReplies replies;
    private final SlackPeople people;

    AwayHome(AwayPeriods away, AwayReplies replies, SlackPeople people) {
        this.away = away;
        this.replies = replies;
        this.people = people;
    }

    /** Three blocks: a header, the periods (or none), and the buttons. */
    List<LayoutBlock> blocks(Person person) {
        List<AwayPeriod> periods = away.list(person);
        String listed = periods.isEmpty() ? "You have no away periods coming up. While you are away, your stand-in "
                + "decides on leave requests for you." : String.join("\n", periods.stream().limit(SHOWN)
                        .map(p -> "• " + SlackText.escape(replies.entry(p))).toList());
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(button(b -> b.actionId(DECLARE).text(plainText("Add an away period"))));
        periods.stream().limit(SHOWN).forEach(p -> buttons.add(button(b -> b.actionId(CANCEL).value(p.from().toString())
                .text(plainText("Cancel " + p.from())).confirm(confirmationDialog(c -> c.title(plainText("Cancel it?"))
                        .text(plainText("Leave requests come to you again on those days.")).confirm(plainText("Cancel it"))
                        .deny(plainText("Keep it")))))));
        return List.of(header(h -> h.text(plainText("Away"))), section(s -> s.text(markdownText(listed))),
                actions(a -> a.elements(buttons)));
    }

    /** Add an away period: the form opens (the trigger id lives 3 seconds, so nothing comes first). */
    Response declareClicked(BlockActionRequest req, ActionContext ctx) throws IOException, SlackApiException {
        ctx.client().viewsOpen(r -> r.triggerId(req.getPayload().getTriggerId()).view(form()));
        return ctx.ack();
    }

    /** Cancel, beside a period: it is cancelled, and Home says so. */
    Response cancelClicked(BlockActionRequest req, ActionContext ctx, HomeTab home) throws IOException, SlackApiException {
        String userId = req.getPayload().getUser().getId();
        LocalDate from = LocalDate.parse(req.getPayload().getActions().get(0).getValue());
        boolean removed = away.cancel(people.person(userId), from);
        home.publish(ctx.client(), userId, Notice.of(replies.cancelled(from, removed)));
        return ctx.ack();
    }

    /** The form was sent: the period is saved and Home says so, or every problem shows under its field. */
    Response submitted(ViewSubmissionRequest req, ViewSubmissionContext ctx, HomeTab home) throws IOException, SlackApiException {
        String userId = req.getPayload().getUser().getId();
        Map<String, Map<String, ViewState.Value>> values = req.getPayload().getView().getState().getValues();
        ViewState.Value standIn = RequestModal.value(values, STAND_IN);
        AwayPeriods.Result result = away.declare(people.person(userId), date(RequestModal.value(values, FROM)), date(RequestModal.value(values, TO)),
                standIn == null || standIn.getSelectedUser() == null ? null : people.person(standIn.getSelectedUser()));
        if (!result.saved()) {
            Map<String, String> byBlock = new LinkedHashMap<>();
            result.errors().forEach((field, message) -> byBlock.merge(BLOCK_OF_FIELD.getOrDefault(field, FROM), message,
                    (a, b) -> a + " " + b));
            return ctx.ackWithErrors(byBlock);
        }
        home.publish(ctx.client(), userId, Notice.of(replies.declared(result.period())));
        return ctx.ack();
    }

    private static View form() {
        return view(v -> v.type("modal").callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text("I'm away")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(FROM).label(plainText("First day away"))
                                .element(datePicker(d -> d.actionId(FROM)))),
                        input(i -> i.blockId(TO).label(plainText("Last day away"))
                                .hint(plainText("For a single day, pick the first day again."))
                                .element(datePicker(d -> d.actionId(TO)))),
                        input(i -> i.blockId(STAND_IN).label(plainText("Stand-in"))
                                .hint(plainText("Decides on leave requests for you while you are away."))
                                .element(usersSelect(u -> u.actionId(STAND_IN).placeholder(plainText("Pick a colleague"))))))));
    }

    /** A date picker's YYYY-MM-DD; null when none was picked, which the service reports. */
    private static LocalDate date(ViewState.Value value) {
        return value == null ? null : LeaveValidator.parseDate("day", value.getSelectedDate()).date();
    }
}
