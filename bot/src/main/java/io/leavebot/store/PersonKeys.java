package io.leavebot.store;

import io.leavebot.leave.Person;

/** The person a stored {@link Person#key()} and display name stand for. */
final class PersonKeys {
    private static final String SLACK = "slack:";

    private PersonKeys() {
    }

    static Person person(String key, String name) {
        return key.startsWith(SLACK) ? new Person(key.substring(SLACK.length()), null, name) : Person.ofEmail(key, name);
    }
}
