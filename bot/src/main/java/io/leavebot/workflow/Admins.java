package io.leavebot.workflow;

import io.leavebot.leave.EmailAddresses;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The admins, as both composition roots read them (locally from the environment or {@code .env}, on AWS from the
 * function's environment); the balance policy's settings are {@code PolicyFile}'s.
 */
public final class Admins {
    private Admins() {
    }

    /**
     * The admins' person keys from a comma-separated list of e-mail addresses (blank: nobody).
     *
     * @throws IllegalArgumentException naming {@code setting} and the address that is not one
     */
    public static Set<String> fromList(Optional<String> value, String setting) {
        Set<String> keys = new LinkedHashSet<>();
        for (String address : value.map(v -> Arrays.asList(v.split(","))).orElse(List.of())) {
            String trimmed = address.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Optional<String> problem = EmailAddresses.problem(trimmed);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(setting + ": \"" + trimmed + "\" " + problem.get()
                        + "; list the admins' e-mail addresses separated by commas, e.g. hr@example.com,ops@example.com");
            }
            keys.add(trimmed.toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(keys);
    }
}
