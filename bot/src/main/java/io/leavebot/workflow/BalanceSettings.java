package io.leavebot.workflow;

import io.leavebot.balance.BalancePolicies;
import io.leavebot.balance.Holidays;
import io.leavebot.leave.EmailAddresses;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The balance settings both composition roots read the same way (locally from the environment or {@code .env}, on
 * AWS from the function's environment): who the admins are, and the default policy when there is no policy file.
 * Each failure is an {@link IllegalArgumentException} whose message starts with the setting's name.
 */
public final class BalanceSettings {
    private BalanceSettings() {
    }

    /**
     * The admins' person keys from a comma-separated list of e-mail addresses (blank: nobody).
     *
     * @throws IllegalArgumentException naming {@code setting} and the address that is not one
     */
    public static Set<String> admins(Optional<String> value, String setting) {
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

    /**
     * {@link BalancePolicies#defaults}: everyone in {@code country} and {@code region} (both may be empty: no public
     * holidays), 25 days of annual leave, other types tracked but not limited.
     *
     * @throws IllegalArgumentException naming {@code countrySetting} or {@code regionSetting} when jollyday does not
     *                                  know the country or its region
     */
    public static BalancePolicies defaults(Optional<String> country, Optional<String> region, List<String> types, Holidays holidays,
            String countrySetting, String regionSetting) {
        String c = country.map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        String r = region.map(v -> v.toLowerCase(Locale.ROOT)).orElse(null);
        Optional<String> problem = holidays.problem(c, r);
        if (problem.isPresent()) {
            throw new IllegalArgumentException((c == null || holidays.problem(c, null).isEmpty() ? regionSetting : countrySetting)
                    + ": " + problem.get());
        }
        return BalancePolicies.defaults(c, r, types);
    }
}
