package io.leavebot.durable;

/**
 * Options of one child context.
 *
 * @param serDes           turns the child's result into the recorded JSON and back; null means the handler's
 * @param logsDuringReplay when true, the child's {@link DurableContext#logger()} also writes while the child
 *                         replays (e.g. when its function re-runs to rebuild a result too large to record); by
 *                         default a replay is silent, so each line appears once per execution
 */
public record RunInChildContextConfig(SerDes serDes, boolean logsDuringReplay) {

    public static final RunInChildContextConfig DEFAULT = new RunInChildContextConfig(null, false);

    /** A {@link SerDes} for this child's result only; null means the handler's. */
    public RunInChildContextConfig withSerDes(SerDes value) {
        return new RunInChildContextConfig(value, logsDuringReplay);
    }

    public RunInChildContextConfig withLogsDuringReplay(boolean value) {
        return new RunInChildContextConfig(serDes, value);
    }
}
