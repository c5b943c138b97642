package io.leavebot.workflow;

import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.durable.CallbackFailedException;
import io.leavebot.durable.CallbackTimeoutException;
import io.leavebot.durable.DurableClient;
import io.leavebot.durable.DurableFuture;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.SerDesException;
import io.leavebot.durable.model.ErrorObject;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveStatus;

/**
 * The wire form of an {@link Answer} on the approval callback, written and read only here. An approval completes
 * the callback with success, its result the answer as JSON; a rejection or a withdrawal completes it with failure,
 * error type {@value #REJECTED} or {@value #CANCELLED}, a short message, and the answer as JSON in the error data.
 *
 * <p>Reading is lenient, because an operator may complete a callback by hand (e.g. with the AWS CLI): any success
 * approves, and a failure this class did not write rejects, with its message as the comment.
 */
public final class Answers {
    /** Error type of a callback failure that rejects the request. */
    public static final String REJECTED = "LeaveBot.Rejected";
    /** Error type of a callback failure that withdraws the request. */
    public static final String CANCELLED = "LeaveBot.Cancelled";

    private static final SerDes JSON = new JacksonSerDes();

    private Answers() {
    }

    /**
     * Completes the approval callback with the answer.
     *
     * @throws io.leavebot.durable.DurableServiceException.CallbackClosedException if it was already completed or timed out
     */
    public static void send(DurableClient client, String callbackId, Answer answer) {
        if (answer.outcome() == LeaveStatus.APPROVED) {
            client.succeedCallback(callbackId, JSON.serialize(answer));
        } else {
            client.failCallback(callbackId, failure(answer));
        }
    }

    /** The callback failure that carries a rejection or a withdrawal. */
    static ErrorObject failure(Answer answer) {
        return switch (answer.outcome()) {
            case REJECTED -> new ErrorObject(REJECTED, "rejected by " + by(answer), JSON.serialize(answer), null);
            case CANCELLED -> new ErrorObject(CANCELLED, "withdrawn by " + by(answer), JSON.serialize(answer), null);
            default -> throw new IllegalArgumentException("an approval is sent as the callback's success, not as a failure");
        };
    }

    /**
     * Waits for the approval callback (suspending the execution while it is open) and reads how it ended: its
     * answer, or EXPIRED when it timed out. The decision's time is when the service completed the callback, the
     * same on every replay.
     */
    static Outcome await(DurableFuture<JsonNode> approval) {
        Answer answer;
        try {
            answer = fromSuccess(approval.get());
        } catch (CallbackFailedException e) {
            answer = fromFailure(e.error());
        } catch (CallbackTimeoutException e) {
            return new Outcome(LeaveStatus.EXPIRED, new Decision(null, approval.completedAt(), null));
        }
        return new Outcome(answer.outcome(), new Decision(answer.by(), approval.completedAt(), answer.comment()));
    }

    static Answer fromSuccess(JsonNode result) {
        Answer answer = read(result == null ? null : result.toString());
        return answer != null && answer.outcome() == LeaveStatus.APPROVED ? answer : Answer.approve(null, null);
    }

    static Answer fromFailure(ErrorObject error) {
        String type = error == null ? null : error.errorType();
        Answer answer = CANCELLED.equals(type) || REJECTED.equals(type) ? read(error.errorData()) : null;
        if (answer != null && answer.outcome() != LeaveStatus.APPROVED) {
            return answer;
        }
        return CANCELLED.equals(type) ? Answer.cancel(null) : Answer.reject(null, error == null ? null : error.errorMessage());
    }

    private static Answer read(String json) {
        try {
            return JSON.deserialize(json, Answer.class);
        } catch (SerDesException e) {
            return null; // not written by this class: read leniently, see the class comment
        }
    }

    private static String by(Answer answer) {
        return answer.by() == null ? "someone" : answer.by().name();
    }
}
