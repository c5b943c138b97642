package io.leavebot.durable.testing;

import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableService;
import io.leavebot.durable.model.CheckpointResponse;
import io.leavebot.durable.model.DurableExecution;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.ExecutionPage;
import io.leavebot.durable.model.ExecutionQuery;
import io.leavebot.durable.model.ExecutionState;
import io.leavebot.durable.model.HistoryPage;
import io.leavebot.durable.model.OperationUpdate;
import io.leavebot.durable.model.StartedExecution;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hand-written stand-in for both ports, for tests of the REST façade and the Lambda adapters that need no engine:
 * it records every call with its arguments, answers with the values a test sets, or throws the test's failure.
 */
public final class RecordingPorts implements DurableService, DurableClient {
    /** One call: the port method's name and its arguments. */
    public record Call(String method, List<Object> args) {
        public Object arg(int i) {
            return args.get(i);
        }
    }

    public final List<Call> calls = new CopyOnWriteArrayList<>();
    public volatile RuntimeException failure;
    public volatile CheckpointResponse checkpointAnswer = new CheckpointResponse("next-token", new ExecutionState(List.of(), null));
    public volatile ExecutionState stateAnswer = new ExecutionState(List.of(), null);
    public volatile StartedExecution startAnswer = new StartedExecution(
            "arn:aws:lambda:us-east-1:000000000000:function:leave:$LATEST/durable-execution/leave-1/e1", false);
    public volatile DurableExecution executionAnswer;
    public volatile ExecutionPage listAnswer = new ExecutionPage(List.of(), null);
    public volatile HistoryPage historyAnswer = new HistoryPage(List.of(), null);

    public Call last() {
        return calls.get(calls.size() - 1);
    }

    /** What awaitClosed answers: the execution set in {@link #executionAnswer}. */
    public DurableExecution awaitClosed(String arn, Duration timeout) {
        return record("awaitClosed", arn, timeout, executionAnswer);
    }

    @Override
    public CheckpointResponse checkpoint(String executionArn, String checkpointToken, List<OperationUpdate> updates) {
        return record("checkpoint", executionArn, checkpointToken, updates, checkpointAnswer);
    }

    @Override
    public ExecutionState getExecutionState(String executionArn, String checkpointToken, String marker, int maxItems) {
        return record("getExecutionState", executionArn, checkpointToken, marker, maxItems, stateAnswer);
    }

    @Override
    public StartedExecution start(String functionName, String executionName, String inputJson) {
        return record("start", functionName, executionName, inputJson, startAnswer);
    }

    @Override
    public void succeedCallback(String callbackId, String resultJson) {
        record("succeedCallback", callbackId, resultJson, null);
    }

    @Override
    public void failCallback(String callbackId, ErrorObject error) {
        record("failCallback", callbackId, error, null);
    }

    @Override
    public void heartbeatCallback(String callbackId) {
        record("heartbeatCallback", callbackId, null);
    }

    @Override
    public DurableExecution getExecution(String executionArn) {
        return record("getExecution", executionArn, executionAnswer);
    }

    @Override
    public ExecutionPage listExecutions(String functionName, ExecutionQuery query) {
        return record("listExecutions", functionName, query, listAnswer);
    }

    @Override
    public void stopExecution(String executionArn, ErrorObject reason) {
        record("stopExecution", executionArn, reason, null);
    }

    @Override
    public HistoryPage getHistory(String executionArn, String marker, int maxItems) {
        return record("getHistory", executionArn, marker, maxItems, historyAnswer);
    }

    /** Records the call (all but the last argument, which is the answer) and answers or fails. */
    private <T> T record(String method, Object... argsThenAnswer) {
        calls.add(new Call(method, Arrays.asList(Arrays.copyOf(argsThenAnswer, argsThenAnswer.length - 1))));
        if (failure != null) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        T answer = (T) argsThenAnswer[argsThenAnswer.length - 1];
        return answer;
    }
}
