package io.leavebot.local;

import io.leavebot.logging.LogSecrets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables, with an optional {@code .env} file (KEY=value lines) for values
 * the environment does not set. Every accessor names the variable in its error, so start-up fails with a message
 * that says what to fix.
 */
final class Settings {
    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = values;
        LogSecrets.registerSettings(values); // a secret from .env or a test's map is masked as one from the environment
    }

    /** The process environment over the {@code .env} file in {@code directory}, if there is one. */
    static Settings load(Path directory) {
        Map<String, String> merged = new HashMap<>(readDotEnv(directory.resolve(".env")));
        merged.putAll(System.getenv());
        return new Settings(merged);
    }

    /**
     * These settings with the command line's: {@code --fast-clock} is {@code LEAVEBOT_FAST_CLOCK=true}.
     *
     * @throws SettingsException for any other argument
     */
    Settings withArguments(String... args) {
        Map<String, String> merged = new HashMap<>(values);
        for (String arg : args) {
            if (!arg.equals("--fast-clock")) {
                throw new SettingsException("unknown argument '" + arg + "': the one argument is --fast-clock (a time control "
                        + "in the local workspace); settings come from the environment or .env, see the README");
            }
            merged.put("LEAVEBOT_FAST_CLOCK", "true");
        }
        return new Settings(merged);
    }

    static Settings of(Map<String, String> values) {
        return new Settings(Map.copyOf(values));
    }

    Optional<String> optional(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    String string(String name, String otherwise) {
        return optional(name).orElse(otherwise);
    }

    int port(String name, int otherwise) {
        String value = string(name, Integer.toString(otherwise));
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new SettingsException(name + " must be a port number (0-65535), but was '" + value + "'");
    }

    /** An IP address, or a host name of this machine. */
    InetAddress address(String name, String otherwise) {
        String value = string(name, otherwise);
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new SettingsException(name + " must be an IP address such as 127.0.0.1, but was '" + value + "'");
        }
    }

    /** An ISO-8601 duration such as {@code P3D} or {@code PT30S}. */
    Duration duration(String name, Duration otherwise) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            Duration d = Duration.parse(value.get());
            if (d.isNegative() || d.isZero()) {
                throw new SettingsException(name + " must be a positive duration, but was '" + value.get() + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new SettingsException(name + " must be an ISO-8601 duration such as P3D (3 days) or PT30S (30 seconds), "
                    + "but was '" + value.get() + "'");
        }
    }

    boolean flag(String name) {
        return optional(name).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(false);
    }

    private static Map<String, String> readDotEnv(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            Map<String, String> entries = new HashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                int eq = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 1) {
                    continue;
                }
                String value = trimmed.substring(eq + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                entries.put(trimmed.substring(0, eq).trim(), value);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A setting is missing or malformed; the message names it and says what is expected. */
    static final class SettingsException extends RuntimeException {
        SettingsException(String message) {
            super(message);
        }
    }
}
