package io.leavebot.durable.engine;

import java.util.List;
import java.util.Set;

/**
 * Finds the route for a request from its decoded path segments and method. Paths are the ones in the AWS SDK's
 * request marshallers: {@code /2025-12-01/...} for the durable APIs, {@code /2015-03-31/functions/.../invocations}
 * for Invoke.
 */
final class RestRouter {
    private static final String DURABLE_API = "2025-12-01";
    private static final String INVOKE_API = "2015-03-31";
    private static final Set<String> EXECUTION_ACTIONS = Set.of("checkpoint", "state", "history", "stop");
    private static final Set<String> CALLBACK_ACTIONS = Set.of("succeed", "fail", "heartbeat");

    private final ExecutionRoutes executions;
    private final CallbackRoutes callbacks;
    private final InvokeRoute invoke;

    RestRouter(ExecutionRoutes executions, CallbackRoutes callbacks, InvokeRoute invoke) {
        this.executions = executions;
        this.callbacks = callbacks;
        this.invoke = invoke;
    }

    void route(RestExchange ex) {
        List<String> s = ex.segments();
        if (s.size() >= 3 && s.get(0).equals(DURABLE_API)) {
            List<String> rest = s.subList(2, s.size());
            switch (s.get(1)) {
                case "durable-executions" -> executionRoute(ex, rest);
                case "durable-execution-callbacks" -> callbackRoute(ex, rest);
                case "functions" -> {
                    if (rest.size() >= 2 && last(rest).equals("durable-executions")) {
                        expect(ex, "GET", "ListDurableExecutionsByFunction");
                        executions.list(ex, functionName(String.join("/", allButLast(rest))));
                        return;
                    }
                    throw unknown(ex);
                }
                default -> throw unknown(ex);
            }
        } else if (s.size() >= 4 && s.get(0).equals(INVOKE_API) && s.get(1).equals("functions")
                && last(s).equals("invocations")) {
            expect(ex, "POST", "Invoke");
            invoke.invoke(ex, functionName(String.join("/", s.subList(2, s.size() - 1))));
        } else {
            throw unknown(ex);
        }
    }

    /** The ARN arrives as one encoded segment from the SDK, or as several when a caller did not encode its '/'. */
    private void executionRoute(RestExchange ex, List<String> rest) {
        boolean hasAction = rest.size() >= 2 && EXECUTION_ACTIONS.contains(last(rest));
        String arn = String.join("/", hasAction ? allButLast(rest) : rest);
        switch (hasAction ? last(rest) : "") {
            case "checkpoint" -> {
                expect(ex, "POST", "CheckpointDurableExecution");
                executions.checkpoint(ex, arn);
            }
            case "state" -> {
                expect(ex, "GET", "GetDurableExecutionState");
                executions.state(ex, arn);
            }
            case "history" -> {
                expect(ex, "GET", "GetDurableExecutionHistory");
                executions.history(ex, arn);
            }
            case "stop" -> {
                expect(ex, "POST", "StopDurableExecution");
                executions.stop(ex, arn);
            }
            default -> {
                expect(ex, "GET", "GetDurableExecution");
                executions.get(ex, arn);
            }
        }
    }

    private void callbackRoute(RestExchange ex, List<String> rest) {
        if (rest.size() < 2 || !CALLBACK_ACTIONS.contains(last(rest))) {
            throw unknown(ex);
        }
        String callbackId = String.join("/", allButLast(rest)); // base64 ids may hold a '/'
        switch (last(rest)) {
            case "succeed" -> {
                expect(ex, "POST", "SendDurableExecutionCallbackSuccess");
                callbacks.succeed(ex, callbackId);
            }
            case "fail" -> {
                expect(ex, "POST", "SendDurableExecutionCallbackFailure");
                callbacks.fail(ex, callbackId);
            }
            default -> {
                expect(ex, "POST", "SendDurableExecutionCallbackHeartbeat");
                callbacks.heartbeat(ex, callbackId);
            }
        }
    }

    private static void expect(RestExchange ex, String method, String operation) {
        ex.operation = operation;
        if (!ex.method().equals(method)) {
            throw new RestError(405, "MethodNotAllowedException", operation + " is called with " + method + ", not "
                    + ex.method());
        }
    }

    private static RestError unknown(RestExchange ex) {
        return new RestError(404, "UnknownOperationException", "this service has no API at " + ex.method() + " "
                + ex.rawPath());
    }

    /**
     * The registered function a Lambda function reference means: {@code my-fn}, {@code my-fn:live},
     * {@code 123456789012:function:my-fn} or a full (alias) ARN all mean {@code my-fn}. The embedded engine runs
     * one version of each function, so qualifiers are accepted and ignored.
     */
    static String functionName(String reference) {
        String[] parts = reference.split(":");
        if (reference.startsWith("arn:")) {
            return parts.length >= 7 ? parts[6] : reference;
        }
        return parts.length >= 3 && parts[1].equals("function") ? parts[2] : parts[0];
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static List<String> allButLast(List<String> list) {
        return list.subList(0, list.size() - 1);
    }
}
