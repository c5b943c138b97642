package io.leavebot.durable.engine;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request's query parameters, read as the types the Lambda API gives them; a bad value is a 400 naming it. */
final class QueryParams {
    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParams parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(Map.of());
        }
        return new QueryParams(Arrays.stream(rawQuery.split("&"))
                .filter(pair -> !pair.isEmpty())
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.groupingBy(kv -> decode(kv[0]), LinkedHashMap::new,
                        Collectors.mapping(kv -> kv.length > 1 ? decode(kv[1]) : "", Collectors.toList()))));
    }

    String string(String name) {
        List<String> all = values.get(name);
        return all == null || all.isEmpty() || all.get(0).isEmpty() ? null : all.get(0);
    }

    /** Every value of a repeated parameter ({@code Statuses=A&Statuses=B}). */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String required(String name) {
        String value = string(name);
        if (value == null) {
            throw RestError.invalid(name + " is required");
        }
        return value;
    }

    /** An integer from {@code min} to {@code max}; {@code absent} when the parameter is not given. */
    int integer(String name, int min, int max, int absent) {
        String value = string(name);
        if (value == null) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw RestError.invalid(name + " must be an integer from " + min + " to " + max + ", but was '" + value + "'");
    }

    boolean bool(String name, boolean absent) {
        String value = string(name);
        if (value == null) {
            return absent;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw RestError.invalid(name + " must be true or false, but was '" + value + "'");
    }

    /** An ISO-8601 timestamp (what the AWS SDK sends in query strings) or epoch seconds. */
    Instant instant(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            if (value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
                return Instant.ofEpochMilli(new BigDecimal(value).movePointRight(3).longValue());
            }
            return Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw RestError.invalid(name + " must be an ISO-8601 timestamp such as 2026-01-31T09:00:00Z, but was '"
                    + value + "'");
        }
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
