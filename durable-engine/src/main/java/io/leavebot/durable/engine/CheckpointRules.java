package io.leavebot.durable.engine;

import static io.leavebot.durable.engine.HistoryEvents.details;
import static io.leavebot.durable.engine.HistoryEvents.error;
import static io.leavebot.durable.engine.HistoryEvents.payload;

import io.leavebot.durable.DurableServiceException.InvalidParameterException;
import io.leavebot.durable.Validation;
import io.leavebot.durable.model.Operation;
import io.leavebot.durable.model.OperationAction;
import io.leavebot.durable.model.OperationStatus;
import io.leavebot.durable.model.OperationType;
import io.leavebot.durable.model.OperationUpdate;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How the service applies a checkpoint: which action is allowed for which type and status, what the new status
 * is, which history event it writes and which timer it arms. A request with any invalid update changes nothing.
 */
final class CheckpointRules {
    static final int MAX_PAYLOAD_CHARS = 6 * 1024 * 1024;
    static final int MAX_ERROR_BYTES = 1024 * 1024;

    private CheckpointRules() {
    }

    static void apply(ExecutionChange change, List<OperationUpdate> updates, ChainedInvokes invokes) {
        Set<String> seenInRequest = new HashSet<>();
        for (int i = 0; i < updates.size(); i++) {
            OperationUpdate u = updates.get(i);
            try {
                checkShape(change, u, seenInRequest);
                applyOne(change, u, invokes);
            } catch (InvalidParameterException e) {
                throw new InvalidParameterException("Updates[" + i + "]: " + e.getMessage());
            }
            seenInRequest.add(u.id());
        }
    }

    private static void checkShape(ExecutionChange change, OperationUpdate u, Set<String> seenInRequest) {
        if (!isIdentifier(u.id(), 64)) {
            throw invalid("Id must be 1-64 letters, digits, '-' or '_', but was '" + u.id() + "'");
        }
        if (u.type() == null || u.action() == null) {
            throw invalid("Type and Action are required (operation " + u.id() + ")");
        }
        if (u.name() != null && !isPrintableAscii(u.name(), 256)) {
            throw invalid("Name must be 1-256 printable ASCII characters (operation " + u.id() + ")");
        }
        if (u.subType() != null && !isIdentifier(u.subType(), 32)) {
            throw invalid("SubType must be 1-32 letters, digits, '-' or '_' (operation " + u.id() + ")");
        }
        if (u.payload() != null && u.payload().length() > MAX_PAYLOAD_CHARS) {
            throw invalid("Payload of operation " + u.id() + " is " + u.payload().length()
                    + " characters; the limit is " + MAX_PAYLOAD_CHARS + " (6 MiB)");
        }
        if (u.error() != null && EngineStore.json(u.error()).length() > MAX_ERROR_BYTES) {
            throw invalid("Error of operation " + u.id() + " is larger than 1 MiB");
        }
        if (u.parentId() != null) {
            Operation parent = change.operation(u.parentId());
            if (parent == null || parent.type() != OperationType.CONTEXT) {
                throw invalid("Invalid parent operation id '" + u.parentId() + "': it must name a CONTEXT operation");
            }
        }
        if (seenInRequest.contains(u.id()) && (u.action() == OperationAction.START
                || (u.type() != OperationType.STEP && u.type() != OperationType.CONTEXT))) {
            throw invalid("operation " + u.id() + " appears twice in one request; only a STEP or CONTEXT START may be "
                    + "followed by its outcome");
        }
    }

    private static void applyOne(ExecutionChange change, OperationUpdate u, ChainedInvokes invokes) {
        Operation current = change.operation(u.id());
        if (current != null && current.type() != u.type()) {
            throw invalid("operation " + u.id() + " is a " + current.type() + ", not a " + u.type());
        }
        switch (u.type()) {
            case STEP -> StepRules.apply(change, current, u);
            case WAIT -> waitUpdate(change, current, u);
            case CALLBACK -> callbackUpdate(change, current, u);
            case CONTEXT -> contextUpdate(change, current, u);
            case EXECUTION -> executionUpdate(change, u);
            case CHAINED_INVOKE -> invokes.apply(change, current, u);
        }
    }

    private static void waitUpdate(ExecutionChange change, Operation current, OperationUpdate u) {
        if (u.action() == OperationAction.CANCEL) {
            Operation started = requireStatus(current, u, OperationStatus.STARTED);
            Operation cancelled = started.withStatus(OperationStatus.CANCELLED, change.endTimestamp());
            change.put(cancelled);
            change.store.deleteTimers(change.row.id, u.id());
            change.event("WaitCancelled", cancelled, details("Error", u.error() == null ? null : error(u.error())));
            return;
        }
        requireNew(current, u, OperationAction.START);
        Integer seconds = u.waitOptions() == null ? null : u.waitOptions().waitSeconds();
        if (seconds == null || seconds < 1 || seconds > Validation.MAX_SECONDS) {
            throw invalid("WaitOptions.WaitSeconds must be 1-" + Validation.MAX_SECONDS + " for wait " + u.id());
        }
        Instant end = change.now.plusSeconds(seconds);
        Operation op = newOperation(change, u).withWaitDetails(new Operation.WaitDetails(end));
        change.put(op);
        change.setTimer(u.id(), EngineStore.TimerKind.WAIT_END, end);
        change.event("WaitStarted", op, details("Duration", seconds, "ScheduledEndTimestamp", end));
    }

    private static void callbackUpdate(ExecutionChange change, Operation current, OperationUpdate u) {
        requireNew(current, u, OperationAction.START);
        var options = u.callbackOptions();
        Integer timeout = options == null ? null : options.timeoutSeconds();
        Integer heartbeat = options == null ? null : options.heartbeatTimeoutSeconds();
        if ((timeout != null && timeout < 0) || (heartbeat != null && heartbeat < 0)) {
            throw invalid("CallbackOptions timeouts must not be negative (callback " + u.id() + ")");
        }
        String callbackId = Ids.random(32);
        Operation op = newOperation(change, u).withCallbackDetails(new Operation.CallbackDetails(callbackId, null, null));
        change.put(op);
        int heartbeatSeconds = heartbeat == null ? 0 : heartbeat;
        change.store.saveCallback(new EngineStore.CallbackRow(callbackId, change.key(), u.id(), heartbeatSeconds));
        if (timeout != null && timeout > 0) {
            change.setTimer(u.id(), EngineStore.TimerKind.CALLBACK_TIMEOUT, change.now.plusSeconds(timeout));
        }
        if (heartbeatSeconds > 0) {
            change.setTimer(u.id(), EngineStore.TimerKind.CALLBACK_HEARTBEAT, change.now.plusSeconds(heartbeatSeconds));
        }
        change.event("CallbackStarted", op, details("CallbackId", callbackId, "Timeout", timeout, "HeartbeatTimeout", heartbeat));
    }

    private static void contextUpdate(ExecutionChange change, Operation current, OperationUpdate u) {
        switch (u.action()) {
            case START -> {
                requireNew(current, u, OperationAction.START);
                Operation op = newOperation(change, u);
                change.put(op);
                change.event("ContextStarted", op, details());
            }
            case SUCCEED, FAIL -> {
                if (current != null && current.status() != OperationStatus.STARTED) {
                    throw invalid("context " + u.id() + " is already " + current.status());
                }
                checkOutcome(u);
                boolean ok = u.action() == OperationAction.SUCCEED;
                Operation base = current != null ? current : newOperation(change, u);
                Boolean replayChildren = u.contextOptions() == null ? null : u.contextOptions().replayChildren();
                Operation done = base.withStatus(ok ? OperationStatus.SUCCEEDED : OperationStatus.FAILED, change.endTimestamp())
                        .withContextDetails(new Operation.ContextDetails(replayChildren, ok ? u.payload() : null, ok ? null : u.error()));
                change.put(done);
                change.event(ok ? "ContextSucceeded" : "ContextFailed", done,
                        ok ? details("Result", payload(u.payload())) : details("Error", error(u.error())));
            }
            default -> throw invalid("a CONTEXT accepts START, SUCCEED or FAIL, not " + u.action());
        }
    }

    private static void executionUpdate(ExecutionChange change, OperationUpdate u) {
        if (!u.id().equals(change.row.executionOperationId())) {
            throw invalid("the EXECUTION operation of this execution is " + change.row.executionOperationId());
        }
        checkOutcome(u);
        if (u.action() == OperationAction.SUCCEED) {
            change.row.result = u.payload();
        } else if (u.action() == OperationAction.FAIL) {
            change.row.error = u.error();
        } else {
            throw invalid("the EXECUTION operation accepts only SUCCEED or FAIL");
        }
    }

    // the service's patterns for Id and SubType ([a-zA-Z0-9_-]{1,n}) and Name ([\x20-\x7E]{1,256}), checked by hand:
    // three regular expressions per update were a twentieth of a checkpoint's time

    private static boolean isIdentifier(String s, int maxLength) {
        if (s == null || s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPrintableAscii(String s, int maxLength) {
        if (s.isEmpty() || s.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    static Operation newOperation(ExecutionChange change, OperationUpdate u) {
        return new Operation(u.id(), u.parentId(), u.name(), u.type(), u.subType(), change.now, null,
                OperationStatus.STARTED, null, null, null, null, null);
    }

    static void checkOutcome(OperationUpdate u) {
        if (u.action() == OperationAction.FAIL && u.payload() != null) {
            throw invalid("a FAIL update must not carry a Payload (operation " + u.id() + ")");
        }
        if (u.action() == OperationAction.SUCCEED && u.error() != null) {
            throw invalid("a SUCCEED update must not carry an Error (operation " + u.id() + ")");
        }
    }

    private static void requireNew(Operation current, OperationUpdate u, OperationAction allowed) {
        if (u.action() != allowed) {
            throw invalid("a " + u.type() + " accepts only " + allowed + " from the handler, not " + u.action());
        }
        if (current != null) {
            throw invalid(u.type() + " " + u.id() + " was already started");
        }
    }

    private static Operation requireStatus(Operation current, OperationUpdate u, OperationStatus status) {
        if (current == null || current.status() != status) {
            throw invalid(u.type() + " " + u.id() + " is " + (current == null ? "unknown" : current.status()) + ", not " + status);
        }
        return current;
    }

    static InvalidParameterException invalid(String message) {
        return new InvalidParameterException(message);
    }
}
