package io.leavebot.bench.peers;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.StartWorkflowOptions;
import dev.dbos.transact.config.DBOSConfig;
import dev.dbos.transact.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/** DBOS Transact for Java on PostgreSQL: the callback is DBOS's send/recv on the workflow's id. */
final class DbosSubject implements Subject {
    private static final String TOPIC = "approval";

    /** The workflow's interface: DBOS runs it through the proxy it makes of an implementation. */
    public interface ApprovalWorkflow {
        String approve(String name);
    }

    /** 3 steps, a message from outside (recv), 2 steps; its id is the execution's name. */
    public static final class ApprovalImpl implements ApprovalWorkflow {
        private final DBOS dbos;
        private final Probe probe;

        ApprovalImpl(DBOS dbos, Probe probe) {
            this.dbos = dbos;
            this.probe = probe;
        }

        @Override
        @Workflow(name = "approval")
        public String approve(String name) {
            for (String step : List.of("record", "receipt", "route")) {
                dbos.runStep(() -> probe.step(name, step), step);
            }
            dbos.runStep(() -> probe.handOut(name, DBOS.workflowId()), "hand-out");
            String decision = dbos.<String>recv(TOPIC, Duration.ofDays(1))
                    .orElseThrow(() -> new IllegalStateException("no decision for " + name));
            dbos.runStep(() -> probe.recordDecision(name, decision), "record-decision");
            dbos.runStep(() -> probe.tell(name), "tell");
            return decision;
        }
    }

    private final DBOS dbos;
    private final ApprovalWorkflow workflow;

    private final List<Long> serverProcesses;

    /**
     * {@code jdbcUrl}: the system database DBOS keeps its workflows, steps and messages in; {@code postmaster}: the
     * process id of its PostgreSQL server.
     */
    DbosSubject(String jdbcUrl, String user, long postmaster, Probe probe) {
        serverProcesses = List.of(postmaster);
        dbos = new DBOS(DBOSConfig.defaults("leavebot-bench").withDatabaseUrl(jdbcUrl).withDbUser(user)
                .withDbPassword("unused")); // its admin server is off by default
        workflow = dbos.registerProxy(ApprovalWorkflow.class, new ApprovalImpl(dbos, probe));
        dbos.launch();
    }

    @Override
    public List<Long> serverProcesses() {
        return serverProcesses;
    }

    @Override
    public void start(String execution) {
        dbos.startWorkflow(() -> workflow.approve(execution), new StartWorkflowOptions(execution));
    }

    @Override
    public void resolve(String token) {
        dbos.send(token, "approved", TOPIC);
    }

    @Override
    public void verifyFinished(String execution) throws Exception {
        Object result = dbos.retrieveWorkflow(execution).getResult();
        if (!"approved".equals(result)) {
            throw new IllegalStateException("DBOS: " + execution + " ended with " + result);
        }
    }

    @Override
    public void close() {
        dbos.close();
    }
}
