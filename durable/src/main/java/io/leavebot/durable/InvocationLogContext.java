package io.leavebot.durable;

import org.slf4j.MDC;

/**
 * What an invocation is, in the logging context (SLF4J's MDC) of its thread while it runs, so that every line logged
 * meanwhile names it: Lambda's request id ({@value #REQUEST_ID}) and, for a durable invocation, the execution
 * ({@value #EXECUTION_NAME}, {@value #EXECUTION_ARN}). LeaveBot's layouts show them. Closing restores what the
 * thread had before (the embedded engine may run an invocation inside another's thread).
 */
public final class InvocationLogContext implements AutoCloseable {
    /** The name Lambda's runtime gives the request id in its JSON log lines. */
    public static final String REQUEST_ID = "AWSRequestId";
    public static final String EXECUTION_NAME = "executionName";
    public static final String EXECUTION_ARN = "executionArn";
    private static final String NAME_PART = "/durable-execution/";
    private static final String[] KEYS = {REQUEST_ID, EXECUTION_NAME, EXECUTION_ARN};

    private final String[] before = new String[KEYS.length];

    private InvocationLogContext(String requestId, String executionArn) {
        for (int i = 0; i < KEYS.length; i++) {
            before[i] = MDC.get(KEYS[i]);
        }
        put(REQUEST_ID, requestId);
        if (executionArn != null) {
            put(EXECUTION_ARN, executionArn);
            put(EXECUTION_NAME, executionNameOf(executionArn));
        }
    }

    /** A Lambda request ({@code context.getAwsRequestId()}, null when there is none), until closed. */
    public static InvocationLogContext request(String requestId) {
        return new InvocationLogContext(requestId, null);
    }

    /** A durable invocation of the execution {@code arn}, until closed. */
    public static InvocationLogContext execution(String requestId, String arn) {
        return new InvocationLogContext(requestId, arn);
    }

    /** {@code …/durable-execution/<name>/<id>} → {@code <name>}; the whole ARN when it has no such part. */
    static String executionNameOf(String arn) {
        int start = arn.indexOf(NAME_PART);
        if (start < 0) {
            return arn;
        }
        start += NAME_PART.length();
        int end = arn.indexOf('/', start);
        return end < 0 ? arn.substring(start) : arn.substring(start, end);
    }

    @Override
    public void close() {
        for (int i = 0; i < KEYS.length; i++) {
            if (before[i] == null) {
                MDC.remove(KEYS[i]);
            } else {
                MDC.put(KEYS[i], before[i]);
            }
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }
}
