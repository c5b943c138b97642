package io.leavebot.durable.conformance;

import static java.time.Duration.ofSeconds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.leavebot.durable.JacksonSerDes;
import io.leavebot.durable.JitterStrategy;
import io.leavebot.durable.RetryStrategies;
import io.leavebot.durable.SerDes;
import io.leavebot.durable.SerDesException;
import io.leavebot.durable.StepConfig;
import io.leavebot.durable.StepContext;
import io.leavebot.durable.StepFailedException;
import java.util.List;
import java.util.Locale;

/** Handlers of the step suite (1-x), written from each case's {@code handler} and {@code invocations} text. */
final class StepCases {
    private StepCases() {
    }

    record Person(String name, List<String> tags) {
    }

    record Profile(Person user, int count) {
    }

    static void register(CaseHandlers cases) {
        cases.add("1-1", String.class, (name, ctx) -> ctx.step(null, String.class, step -> greet(name)));
        cases.add("1-2", String.class, (name, ctx) -> ctx.step("custom_step_name", String.class, step -> greet(name)));
        cases.add("1-3", Void.class, (input, ctx) -> {
            String first = ctx.step(null, String.class, step -> "first");
            return ctx.step(null, String.class, step -> first + "_second");
        });
        cases.add("1-4", Person.class, (person, ctx) ->
                ctx.step(null, Profile.class, step -> new Profile(person, person.tags().size())));
        cases.add("1-5", Void.class, (input, ctx) -> ctx.step(null, Object.class, step -> null));
        cases.add("1-6", String.class, (text, ctx) ->
                ctx.step(null, String.class, step -> text, StepConfig.DEFAULT.withSerDes(new UpperCaseSerDes())));
        cases.add("1-7", String.class, (name, ctx) -> ctx.step(null, String.class, step -> {
            step.logger().info("Greeting step started for: %s", name);
            String greeting = greet(name);
            step.logger().info("Greeting step completed with: %s", greeting);
            return greeting;
        }));
        cases.add("1-8", Void.class, (input, ctx) -> {
            String value = ctx.step(null, String.class, step -> "computed");
            ctx.wait(null, ofSeconds(2));
            return value;
        });
        cases.add("1-9", Void.class, (input, ctx) -> {
            String value = ctx.step(null, String.class, step -> {
                step.logger().info("step executed");
                return "cached_value";
            });
            ctx.wait(null, ofSeconds(1));
            return value;
        });
        cases.add("1-10", Void.class, (input, ctx) -> {
            String outcome;
            try {
                outcome = ctx.step(null, String.class, step -> {
                    step.logger().info("step executed");
                    throw new IllegalStateException("permanent failure");
                }, StepConfig.retrying(RetryStrategies.NO_RETRY));
            } catch (StepFailedException e) {
                outcome = "caught: " + e.errorMessage();
            }
            ctx.wait(null, ofSeconds(1));
            return outcome;
        });
        cases.add("1-11", Void.class, (input, ctx) -> ctx.step(null, String.class,
                step -> failUntilAttempt(step, 2, "Operation succeeded"),
                StepConfig.retrying(RetryStrategies.fixedDelay(3, ofSeconds(1)))));
        cases.add("1-12", Void.class, (input, ctx) -> ctx.step(null, String.class,
                step -> failUntilAttempt(step, Integer.MAX_VALUE, "never"),
                StepConfig.retrying(RetryStrategies.fixedDelay(4, ofSeconds(1)))));
        cases.add("1-13", Void.class, (input, ctx) -> ctx.step(null, String.class,
                step -> failUntilAttempt(step, 3, "succeeded on attempt 3")));
        cases.add("1-14", Void.class, (input, ctx) -> ctx.step(null, String.class,
                step -> failUntilAttempt(step, 3, "succeeded on attempt 3"),
                StepConfig.retrying(RetryStrategies.exponentialBackoff(5, ofSeconds(2), 3.0, ofSeconds(60),
                        JitterStrategy.NONE, error -> true))));
    }

    private static String greet(String name) {
        return "Hello, " + name + "!";
    }

    /** Throws on every attempt before {@code successfulAttempt}; the attempt number is the runtime's, not a counter. */
    private static String failUntilAttempt(StepContext step, int successfulAttempt, String result) {
        if (step.attempt() < successfulAttempt) {
            throw new IllegalStateException("attempt " + step.attempt() + " failed");
        }
        return result;
    }

    /** Case 1-6: writes every string value in upper case; reads JSON as the default does. */
    static final class UpperCaseSerDes implements SerDes {
        private final JacksonSerDes json = new JacksonSerDes();

        @Override
        public String serialize(Object value) {
            String text = json.serialize(value);
            if (text == null) {
                return null;
            }
            try {
                return SuiteJson.MAPPER.writeValueAsString(upperCase(SuiteJson.MAPPER.readTree(text)));
            } catch (JsonProcessingException e) {
                throw new SerDesException("cannot upper-case " + text, e);
            }
        }

        @Override
        public <T> T deserialize(String text, Class<T> type) {
            return json.deserialize(text, type);
        }

        private static JsonNode upperCase(JsonNode node) {
            if (node.isTextual()) {
                return TextNode.valueOf(node.asText().toUpperCase(Locale.ROOT));
            }
            if (node.isObject()) {
                node.properties().forEach(f -> f.setValue(upperCase(f.getValue())));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    ((ArrayNode) node).set(i, upperCase(node.get(i)));
                }
            }
            return node;
        }
    }
}
