package io.leavebot.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * What applies to one person, with the policy file's defaults, group and overrides resolved.
 *
 * @param country     ISO 3166 code of the country whose public holidays they have (e.g. "de", "gb", "us"), or null
 *                    for none
 * @param region      the region within it as jollyday names it (e.g. "by" for Bavaria, "eng" for England), or null
 * @param hoursPerDay how many hours a day of leave counts for types counted in hours
 * @param startDate   when they joined, or null (then nothing is pro-rated)
 * @param group       the policy group they are in
 * @param types       leave type → its policy; a type not here is not tracked (no balance)
 */
public record PersonPolicy(String country, String region, WorkingWeek week, BigDecimal hoursPerDay, LocalDate startDate,
        String group, Map<String, TypePolicy> types) {

    public PersonPolicy {
        types = Map.copyOf(types);
        if (week == null || hoursPerDay == null || hoursPerDay.signum() <= 0) {
            throw new IllegalArgumentException("a person's policy needs a working week and a positive number of hours per day");
        }
    }

    public Optional<TypePolicy> type(String type) {
        return Optional.ofNullable(types.get(type));
    }
}
