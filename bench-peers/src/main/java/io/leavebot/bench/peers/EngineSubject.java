package io.leavebot.bench.peers;

import io.leavebot.durable.CallbackConfig;
import io.leavebot.durable.DurableConfig;
import io.leavebot.durable.DurableContext;
import io.leavebot.durable.DurableHandler;
import io.leavebot.durable.WaitForCallbackConfig;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** LeaveBot's embedded engine on a SQLite file, through its public API only. */
final class EngineSubject implements Subject {
    private static final String FUNCTION = "approval";

    private final EmbeddedEngine engine;
    private final Map<String, String> arns = new ConcurrentHashMap<>();

    EngineSubject(Path database, boolean fsyncOnCommit, Probe probe) {
        engine = EmbeddedEngine.builder(database).fsyncOnCommit(fsyncOnCommit).build();
        engine.register(FUNCTION, new Approval(probe)).start();
    }

    /** DurableBenchmark's Approval: 3 steps, a callback resolved from outside, 2 steps. */
    static final class Approval extends DurableHandler<String, String> {
        private final Probe probe;

        Approval(Probe probe) {
            super(String.class);
            this.probe = probe;
        }

        @Override
        protected DurableConfig configuration() {
            return DurableConfig.DEFAULT.withService(null);
        }

        @Override
        public String handleRequest(String name, DurableContext ctx) {
            for (String step : List.of("record", "receipt", "route")) {
                ctx.step(step, String.class, s -> probe.step(name, step));
            }
            String decision = ctx.waitForCallback("approval", String.class, (id, s) -> probe.handOut(name, id),
                    WaitForCallbackConfig.of(CallbackConfig.timeout(Duration.ofDays(1))));
            ctx.step("record-decision", String.class, s -> probe.recordDecision(name, decision));
            ctx.step("tell", String.class, s -> probe.tell(name));
            return decision;
        }
    }

    @Override
    public void start(String execution) {
        arns.put(execution, engine.start(FUNCTION, execution, "\"" + execution + "\"").durableExecutionArn());
    }

    @Override
    public void resolve(String token) {
        engine.succeedCallback(token, "\"approved\"");
    }

    @Override
    public void verifyFinished(String execution) {
        DurableExecution done = engine.awaitClosed(arns.get(execution), Duration.ofMinutes(1));
        if (done.status() != ExecutionStatus.SUCCEEDED || !"\"approved\"".equals(done.result())) {
            throw new IllegalStateException("engine: " + execution + " ended " + done.status() + " with " + done.result());
        }
        engine.awaitIdle(Duration.ofMinutes(1));
        arns.clear();
    }

    @Override
    public void close() {
        engine.close();
    }
}
