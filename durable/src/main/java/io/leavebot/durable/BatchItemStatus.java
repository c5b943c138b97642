package io.leavebot.durable;

/** The state of one branch or item in a {@link BatchResult}, and the overall {@link BatchResult#status()}. */
public enum BatchItemStatus {
    SUCCEEDED,
    FAILED,
    /** Started, but still waiting (e.g. on a wait) when the batch completed early; its outcome is ignored. */
    STARTED,
    /** Never started, because the batch completed before its turn. */
    NOT_STARTED
}
