package io.leavebot.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * LeaveBot's authorization in its one workspace: every request's context gets the bot token, so listeners call
 * the Web API as the bot. It stands in for Bolt's {@code SingleTeamAuthorization}, which asks Slack's
 * {@code auth.test} whether the token is valid when the app is built, again on the first request, and every ten
 * minutes after: network round trips in front of the ack, which a Lambda cold start cannot afford. Nothing is
 * lost: the request's signature already proves it is Slack's, for this app; a revoked token shows as
 * {@code invalid_auth} on the first Web API call, and that is logged.
 */
final class BotToken implements Middleware {
    private final String token;

    BotToken(String token) {
        this.token = token;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        req.getContext().setBotToken(token);
        return chain.next(req);
    }
}
