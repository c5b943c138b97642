package io.leavebot.notify;

import io.leavebot.leave.Person;
import java.util.Optional;

/**
 * The Slack user tokens people granted with {@code /leave connect}, one per person, kept sealed by the store
 * adapters beside the leave requests (SQLite {@code slack_user_tokens}, DynamoDB {@code USERTOKEN#<person key>}).
 */
public interface UserTokens {
    /** Saves the token, replacing the person's earlier one: connecting again replaces the old grant. */
    void saveUserToken(UserToken token);

    /** The person's token, by {@link Person#key()}; empty when they never connected or disconnected since. */
    Optional<UserToken> userTokenOf(Person person);

    /** Keeps {@code statusText} (null: none) as the status LeaveBot set with the person's token; no token, no change. */
    void recordStatusText(Person person, String statusText);

    /** Forgets the person's token; false when there was none. */
    boolean forgetUserToken(Person person);
}
