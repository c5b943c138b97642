package io.leavebot.store;

import io.leavebot.leave.Person;

/**
 * How the away calendars keep a person: by e-mail, the identity that holds on every channel, with the name they
 * go by. A person is written with {@link #nameOf} and read back with {@link #person}, so a name that is only the
 * address comes back as no name, as it went in.
 */
final class StandIns {
    private StandIns() {
    }

    /** @throws IllegalArgumentException if the stand-in is the approver, or either has no e-mail address */
    static void require(Person approver, Person standIn) {
        if (approver.email() == null || standIn != null && standIn.email() == null) {
            throw new IllegalArgumentException("stand-ins are kept by e-mail, and " + approver.key()
                    + (standIn == null ? "" : " or " + standIn.key()) + " has none");
        }
        if (approver.isSameAs(standIn)) {
            throw new IllegalArgumentException("an approver cannot stand in for themselves: " + approver.key());
        }
    }

    /** The name to keep: null when the person goes by their address. */
    static String nameOf(Person p) {
        return p.name().equals(p.email()) ? null : p.name();
    }

    static Person person(String email, String name) {
        return Person.ofEmail(email, name);
    }
}
