package io.leavebot.infra;

import io.leavebot.LeaveBotNames;
import java.util.function.Consumer;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One of the bot's Lambda handlers as a function: the bot jar on Java 21, a log group of its own with a retention,
 * and a role of its own that starts with nothing but writing to that log group. The stack grants the rest, so each
 * role holds exactly what its handler calls; no managed policy is attached (the one CDK attaches to durable
 * functions would allow checkpointing any function's executions).
 */
final class BotFunction extends Construct {
    /**
     * Java 21: it runs the bot's Java 17 bytecode, supports durable functions and SnapStart, and runs on Amazon Linux
     * 2023 (Lambda's Java 17 runtime is on Amazon Linux 2, deprecated in 2027).
     */
    static final Runtime RUNTIME = Runtime.JAVA_21;
    /**
     * x86-64: the package carries the AWS CRT's native library for this platform alone (its HTTPS, see module aws's
     * {@code CrtHttps}); a function on arm64 would not find it.
     */
    static final Architecture ARCHITECTURE = Architecture.X86_64;
    /** Long enough to look into a complaint about a request from last quarter. */
    static final RetentionDays LOG_RETENTION = RetentionDays.THREE_MONTHS;
    /**
     * The JVM options AWS documents for short-lived functions: C1 only, which compiles sooner and so starts faster
     * (the cold start in the README's AWS section is measured with them); the JIT's peak matters little in a
     * function that answers one request and waits.
     */
    static final String JVM_OPTIONS = LeaveBotNames.LAMBDA_JVM_OPTIONS;

    private final Role role;
    private final Function function;

    /**
     * @param handler  the handler method, {@code <class>::handleRequest}
     * @param settings memory, timeout, environment and whatever else this function needs
     */
    BotFunction(Construct scope, String id, Code jar, String handler, Consumer<Function.Builder> settings) {
        super(scope, id);
        var logs = LogGroup.Builder.create(this, "Logs")
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .build();
        logs.grantWrite(role);
        var function = Function.Builder.create(this, "Function")
                .runtime(RUNTIME)
                .architecture(ARCHITECTURE)
                .code(jar)
                .handler(handler)
                .role(role)
                .logGroup(logs)
                // LeaveBot writes Lambda's JSON lines (io.leavebot.logging); with this Lambda reads their level too
                .loggingFormat(LoggingFormat.JSON);
        settings.accept(function);
        this.function = function.build();
        this.function.addEnvironment("JAVA_TOOL_OPTIONS", JVM_OPTIONS); // after the settings, whose environment it joins
    }

    Function function() {
        return function;
    }

    IRole role() {
        return role;
    }
}
