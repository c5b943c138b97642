package io.leavebot.store;

import io.leavebot.leave.Person;
import io.leavebot.notify.UserToken;
import io.leavebot.notify.UserTokens;
import java.util.Optional;

/** A store whose {@link UserTokens} are a part of its own, on the same connection or client: every call goes there. */
interface UserTokenParts extends UserTokens {

    /** The part that keeps the tokens. */
    UserTokens userTokens();

    @Override
    default void saveUserToken(UserToken token) {
        userTokens().saveUserToken(token);
    }

    @Override
    default Optional<UserToken> userTokenOf(Person person) {
        return userTokens().userTokenOf(person);
    }

    @Override
    default void recordStatusText(Person person, String statusText) {
        userTokens().recordStatusText(person, statusText);
    }

    @Override
    default boolean forgetUserToken(Person person) {
        return userTokens().forgetUserToken(person);
    }
}
