package io.leavebot.durable;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * A Lambda {@link Context} that also hands the invocation its {@link DurableService}. The embedded engine passes
 * one, so the same handler class runs unchanged there and on AWS, where the service is the Lambda API.
 */
public interface DurableInvocationContext extends Context {
    DurableService durableService();
}
