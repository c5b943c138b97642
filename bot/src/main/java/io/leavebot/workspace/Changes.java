package io.leavebot.workspace;

import java.util.concurrent.atomic.AtomicLong;

/** A number that grows with every change the page would show, so the page asks for the state only when it moved. */
final class Changes {
    private final AtomicLong version = new AtomicLong();

    void bump() {
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }
}
