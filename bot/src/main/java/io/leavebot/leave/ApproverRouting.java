package io.leavebot.leave;

import java.nio.file.Path;
import java.util.Optional;

/** SKELETON (issue #3, being written): who approves whom — a default approver plus per-employee overrides. */
public final class ApproverRouting {

    /** Reads the routing file (format documented in the README). */
    public static ApproverRouting fromFile(Path file) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    /** Everyone is approved by {@code approver}. */
    public static ApproverRouting single(Person approver) {
        throw new UnsupportedOperationException("issue #3: being written");
    }

    /** The employee's approver; empty when none is configured. */
    public Optional<Person> approverFor(Person employee) {
        throw new UnsupportedOperationException("issue #3: being written");
    }
}
