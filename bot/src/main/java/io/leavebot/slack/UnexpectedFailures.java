package io.leavebot.slack;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import io.leavebot.chat.ChatReplies;
import io.leavebot.notify.ChatUnavailableException;
import java.io.IOException;

/**
 * The one place a listener's unexpected failure (Slack or the workflow unreachable, a bug) is caught: it is logged
 * in one line, and the person gets a polite reply instead of Slack's "dispatch_failed": an ephemeral message for a
 * command or a click in a message. A modal submission or an event is answered 500: Slack then keeps the modal
 * open with the person's input and says it could not be sent, and retries the event.
 */
final class UnexpectedFailures implements Middleware {
    private static final System.Logger LOG = System.getLogger(UnexpectedFailures.class.getName());

    private final ChatReplies replies;

    UnexpectedFailures(ChatReplies replies) {
        this.replies = replies;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        try {
            return chain.next(req);
        } catch (Exception e) {
            String what = "slack " + req.getRequestType() + " (team " + req.getContext().getTeamId() + ", user "
                    + req.getContext().getRequestUserId() + "): ";
            if (e instanceof ChatUnavailableException) { // Slack itself failed: an outage, its reason is enough
                LOG.log(System.Logger.Level.WARNING, what + e.getMessage() + "; the person is told something went wrong");
            } else {
                LOG.log(System.Logger.Level.ERROR, what + "a bug, the person is told something went wrong", e);
            }
            switch (req.getRequestType()) {
                case Command:
                    return ((SlashCommandContext) req.getContext()).ack(r -> r.responseType("ephemeral")
                            .text(SlackText.mrkdwn(replies.unexpected())));
                case BlockAction:
                    respond((ActionContext) req.getContext());
                    return Response.ok();
                default:
                    return Response.builder().statusCode(500).contentType("text/plain; charset=utf-8")
                            .body("Internal Server Error").build();
            }
        }
    }

    private void respond(ActionContext ctx) {
        if (ctx.getResponseUrl() == null) {
            return; // a click on the Home tab: there is nowhere to answer but Home, and publishing it may be what failed
        }
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(SlackText.mrkdwn(replies.unexpected())));
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "slack: the apology could not be sent either: " + describe(e));
        }
    }

    /**
     * {@code IllegalStateException at io.leavebot.workflow.LeaveRequests.submit(LeaveRequests.java:80)}: the message
     * is left out, because it can hold what must not reach a log (callback ids, addresses, tokens in a URL).
     */
    static String describe(Throwable e) {
        StackTraceElement[] stack = e.getStackTrace();
        return e.getClass().getName() + (stack.length == 0 ? "" : " at " + stack[0]);
    }
}
