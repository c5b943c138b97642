package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.CheckpointRules.invalid;
import static io.leavebot.durable.engine.CheckpointRules.newOperation;
import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;
import static io.leavebot.durable.engine.HistoryEvents.payload;

import io.leavebot.durable.model.ErrorObject;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chained invokes. A CHAINED_INVOKE START starts the target function as an execution of its own (a child, with its
 * own history), named after the parent execution and the operation, so the same START can never start a second
 * child. When the child ends, its result or error completes the parent's operation and the parent is invoked again.
 *
 * <p>A completion lands between the parent's invocations, never during one: a child that ends while its parent is
 * still being invoked is delivered when that invocation ends. On the service too the completion shows after the
 * {@code InvocationCompleted} of the invocation that suspended, and this way the parent's history does not depend
 * on how fast the child ran.
 */
final class ChainedInvokes {
    /** The version a child runs on; the engine has one version of each function. */
    static final String EXECUTED_VERSION = "$LATEST";
    private static final Pattern TENANT_ID = Pattern.compile("[\\x20-\\x7E]{1,256}");

    private final Set<String> functions;

    /** @param functions the registered function names, read at each START */
    ChainedInvokes(Set<String> functions) {
        this.functions = functions;
    }

    /** A CHAINED_INVOKE update: only START, once. */
    void apply(ExecutionChange change, Operation current, OperationUpdate u) {
        if (u.action() != OperationAction.START) {
            throw invalid("a CHAINED_INVOKE accepts only START from the handler, not " + u.action());
        }
        if (current != null) {
            throw invalid("CHAINED_INVOKE " + u.id() + " was already started");
        }
        var options = u.chainedInvokeOptions();
        String function = options == null ? null : options.functionName();
        if (function == null || function.isEmpty() || function.length() > 140) {
            throw invalid("ChainedInvokeOptions.FunctionName must be 1-140 characters (chained invoke " + u.id() + ")");
        }
        if (options.tenantId() != null && !TENANT_ID.matcher(options.tenantId()).matches()) {
            throw invalid("ChainedInvokeOptions.TenantId must be 1-256 printable ASCII characters (chained invoke " + u.id() + ")");
        }
        if (u.payload() != null && u.payload().getBytes(StandardCharsets.UTF_8).length > ExecutionCommands.MAX_INPUT_BYTES) {
            throw invalid("the payload of chained invoke " + u.id() + " is larger than the 256 KiB limit of an execution's input");
        }
        Operation op = newOperation(change, u);
        change.put(op);
        String registered = registeredName(function);
        if (registered == null) {
            change.event("ChainedInvokeStarted", op, details("FunctionName", function, "TenantId", options.tenantId(),
                    "Input", payload(u.payload())));
            // as an Invoke of a missing function fails: the handler learns it from the operation, at once
            complete(change, op, OperationStatus.FAILED, null, ErrorObject.of("ResourceNotFoundException",
                    "no function named '" + function + "' is registered with the engine"));
            change.row.runnable = true;
            change.toInvoke.add(change.row.arn);
            return;
        }
        String name = childName(change.row.arn, u.id());
        ExecutionRow child = change.store.executionByName(registered, name);
        if (child == null) {
            child = ExecutionCommands.create(change.store, change.now, registered, name, u.payload());
            change.toInvoke.add(child.arn);
        }
        change.store.saveChainedInvoke(child.id, change.key(), u.id());
        change.event("ChainedInvokeStarted", op, details("FunctionName", function, "TenantId", options.tenantId(),
                "Input", payload(u.payload()), "ExecutedVersion", EXECUTED_VERSION, "DurableExecutionArn", child.arn));
    }

    /**
     * Called as an execution closes (its row changed, not yet saved): if a chained invoke started it and its parent is
     * between invocations, completes the parent's operation and marks the parent to be invoked.
     */
    static void childClosed(ExecutionChange child) {
        EngineStore.ChainedInvoke link = child.store.chainedInvokeOf(child.row.id);
        if (link == null) {
            return;
        }
        ExecutionRow parent = child.store.execution(link.parent());
        if (parent == null || parent.status.isClosed() || parent.invocationId != null) {
            return; // closed: nobody waits; being invoked: delivered when the invocation ends (deliverEnded)
        }
        var change = new ExecutionChange(child.store, parent, child.now);
        if (deliver(change, link, child.row)) {
            parent.runnable = true;
            change.save();
            child.toInvoke.add(parent.arn);
        }
    }

    /** Called as an invocation of {@code parent} ends: delivers the children that ended during it. */
    static void deliverEnded(ExecutionChange parent) {
        boolean delivered = false;
        for (EngineStore.ChainedInvoke link : parent.store.endedChainedInvokes(parent.row.id)) {
            delivered |= deliver(parent, link, parent.store.execution(link.child()));
        }
        if (delivered) {
            parent.row.runnable = true;
            parent.toInvoke.add(parent.row.arn);
        }
    }

    private static boolean deliver(ExecutionChange parent, EngineStore.ChainedInvoke link, ExecutionRow child) {
        parent.store.markChainedInvokeDelivered(link.child());
        Operation op = parent.operation(link.opId());
        if (op == null || op.status() != OperationStatus.STARTED) {
            return false;
        }
        switch (child.status) {
            case SUCCEEDED -> complete(parent, op, OperationStatus.SUCCEEDED, child.result, null);
            case TIMED_OUT -> complete(parent, op, OperationStatus.TIMED_OUT, null, child.error);
            case STOPPED -> complete(parent, op, OperationStatus.STOPPED, null, child.error);
            default -> complete(parent, op, OperationStatus.FAILED, null, child.error);
        }
        return true;
    }

    private static void complete(ExecutionChange change, Operation op, OperationStatus status, String result, ErrorObject error) {
        Operation done = op.withStatus(status, change.endTimestamp())
                .withChainedInvokeDetails(new Operation.ChainedInvokeDetails(result, error));
        change.put(done);
        switch (status) {
            case SUCCEEDED -> change.event("ChainedInvokeSucceeded", done, details("Result", payload(result)));
            case TIMED_OUT -> change.event("ChainedInvokeTimedOut", done, details("Error", error == null ? null : error(error)));
            case STOPPED -> change.event("ChainedInvokeStopped", done, details("Error", error == null ? null : error(error)));
            default -> change.event("ChainedInvokeFailed", done, details("Error", error == null ? null : error(error)));
        }
    }

    /**
     * The registered function a target names: the name itself, or the name inside a qualified name
     * ({@code greeter:live}) or a function ARN ({@code arn:aws:lambda:…:function:greeter[:qualifier]}); the engine
     * has one version of each function. Null when no such function is registered.
     */
    private String registeredName(String target) {
        if (functions.contains(target)) {
            return target;
        }
        String[] parts = target.split(":");
        String name = parts.length >= 7 && parts[0].equals("arn") && parts[5].equals("function") ? parts[6] : parts[0];
        return functions.contains(name) ? name : null;
    }

    /** The child's execution name: 64 characters derived from the parent execution and the operation id. */
    static String childName(String parentArn, String opId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((parentArn + "/" + opId).getBytes(StandardCharsets.UTF_8));
            return "invoke-" + HexFormat.of().formatHex(hash).substring(0, 57);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
