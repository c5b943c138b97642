package io.leavebot.durable.engine;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.leavebot.durable.DurableInvocationContext;
import io.leavebot.durable.DurableService;
import java.nio.charset.StandardCharsets;

/** The Lambda context the engine passes to an invocation; it carries the engine's {@link DurableService}. */
record EngineInvocationContext(String requestId, String functionName, String executionArn, DurableService durableService)
        implements DurableInvocationContext {
    private static final LambdaLogger LOGGER = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.print(message);
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }
    };

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "embedded";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return executionArn.substring(0, executionArn.indexOf("/durable-execution/"));
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    /** A Lambda invocation may run 15 minutes; the engine does not cut invocations short. */
    @Override
    public int getRemainingTimeInMillis() {
        return 15 * 60 * 1000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    @Override
    public LambdaLogger getLogger() {
        return LOGGER;
    }
}
