package io.leavebot.logging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the settings ask of the logs: the format (JSON lines on Lambda, readable lines elsewhere), the level of
 * everything ({@value #LEVEL}, default INFO) and of chosen packages ({@value #LEVELS}). A bad value is not fatal:
 * it falls back to the default and is reported in {@link #problems}, which the configurator logs as a warning.
 *
 * @param json     true on Lambda ({@code AWS_LAMBDA_FUNCTION_NAME} set)
 * @param floor    on Lambda with advanced logging controls, {@code AWS_LAMBDA_LOG_LEVEL}: Lambda drops lines below it,
 *                 so nothing below it is even formatted; else {@link LogLevel#TRACE}
 * @param problems each bad value, as a sentence naming the setting
 */
record LogSettings(boolean json, LogLevel root, Map<String, LogLevel> packages, LogLevel floor, List<String> problems) {
    static final String LEVEL = "LEAVEBOT_LOG_LEVEL";
    static final String LEVELS = "LEAVEBOT_LOG_LEVELS";
    static final String LAMBDA_FUNCTION = "AWS_LAMBDA_FUNCTION_NAME";
    static final String LAMBDA_LEVEL = "AWS_LAMBDA_LOG_LEVEL";
    private static final String NAMES = "TRACE, DEBUG, INFO, WARN, ERROR or OFF";

    static LogSettings from(Function<String, Optional<String>> settings) {
        List<String> problems = new ArrayList<>();
        boolean lambda = settings.apply(LAMBDA_FUNCTION).isPresent();
        LogLevel floor = LogLevel.TRACE;
        if (lambda) {
            Optional<String> lambdaLevel = settings.apply(LAMBDA_LEVEL);
            if (lambdaLevel.isPresent()) {
                // Lambda's own names: FATAL is its highest, which SLF4J calls ERROR
                String name = lambdaLevel.get().equalsIgnoreCase("FATAL") ? "ERROR" : lambdaLevel.get();
                floor = LogLevel.named(name).orElseGet(() -> {
                    problems.add(LAMBDA_LEVEL + " '" + lambdaLevel.get() + "' is not a Lambda log level; every level is kept");
                    return LogLevel.TRACE;
                });
            }
        }
        LogLevel root = LogLevel.INFO;
        Optional<String> rootSetting = settings.apply(LEVEL);
        if (rootSetting.isPresent()) {
            root = LogLevel.named(rootSetting.get()).orElseGet(() -> {
                problems.add(LEVEL + " '" + rootSetting.get() + "' is not a level (" + NAMES + "); using INFO");
                return LogLevel.INFO;
            });
        } else if (floor != LogLevel.TRACE) {
            root = floor;
        }
        Map<String, LogLevel> packages = new LinkedHashMap<>();
        settings.apply(LEVELS).ifPresent(list -> {
            for (String entry : list.split(",")) {
                String trimmed = entry.strip();
                int eq = trimmed.indexOf('=');
                Optional<LogLevel> level = eq < 1 ? Optional.empty() : LogLevel.named(trimmed.substring(eq + 1));
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (level.isEmpty()) {
                    problems.add(LEVELS + ": '" + trimmed + "' is not <logger or package>=<level> with a level of " + NAMES
                            + " (as in io.leavebot.slack=DEBUG,software.amazon.awssdk=WARN); left out");
                    continue;
                }
                packages.put(trimmed.substring(0, eq).strip(), level.get());
            }
        });
        return new LogSettings(lambda, root, Map.copyOf(packages), floor, List.copyOf(problems));
    }

    /** The settings of this process: its environment. */
    static LogSettings fromEnvironment() {
        return from(name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()).map(String::strip));
    }

    /** {@code level} raised to the floor: on Lambda, a line below {@code AWS_LAMBDA_LOG_LEVEL} would be dropped anyway. */
    LogLevel atLeastFloor(LogLevel level) {
        return level.atLeast(floor) ? level : floor;
    }
}
