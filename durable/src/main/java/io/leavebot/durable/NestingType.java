package io.leavebot.durable;

/** How the branches of a parallel or the iterations of a map are recorded. */
public enum NestingType {
    /** Each branch or iteration is a child context of its own, with its own history events (the default). */
    NESTED,
    /**
     * Branches and iterations run in virtual contexts that are never recorded: their operations keep ids of their
     * own but name the parallel or map as their parent. Fewer operations, and a branch's result is recorded only in
     * the batch.
     */
    FLAT
}
