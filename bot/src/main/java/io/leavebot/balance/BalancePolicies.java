package io.leavebot.balance;

import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy file's content: per policy group, how each leave type is counted; per person, their country and
 * region, working week, start date, group and overrides; the company's own days off. {@link #forPerson} resolves
 * what applies to someone. Read and checked by {@code PolicyFile}; without a file, {@link #defaults}.
 *
 * @param defaults      what applies to someone the file does not list (country, region, week, hours, group)
 * @param groups        group name → leave type → policy; {@code defaults.group()} must be one of them
 * @param people        person key (lower-cased e-mail) → what is set for them
 * @param companyDaysOff days off for everyone, with their names (e.g. 24 December, "Christmas Eve")
 * @param balancesFrom  the first day LeaveBot counts balances from, or null: leave years before the one it falls in
 *                      have no balance and carry nothing over (see {@link Balances})
 */
public record BalancePolicies(PersonSettings defaults, Map<String, Map<String, TypePolicy>> groups,
        Map<String, PersonSettings> people, Map<LocalDate, String> companyDaysOff, LocalDate balancesFrom) {

    /**
     * What the file sets for a person (or, as {@code defaults}, for everyone); null fields take the defaults'.
     *
     * @param overrides leave type → that type's policy for them alone, replacing their group's
     */
    public record PersonSettings(String country, String region, WorkingWeek week, BigDecimal hoursPerDay,
            LocalDate startDate, String group, Map<String, TypePolicy> overrides) {
        public PersonSettings {
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }
    }

    public static final String DEFAULT_GROUP = "default";

    public BalancePolicies {
        groups = Map.copyOf(groups);
        people = Map.copyOf(people);
        companyDaysOff = Map.copyOf(companyDaysOff);
        if (defaults == null || defaults.week() == null || defaults.hoursPerDay() == null || defaults.group() == null) {
            throw new IllegalArgumentException("the defaults need a working week, hours per day and a group");
        }
        if (!groups.containsKey(defaults.group())) {
            throw new IllegalArgumentException("the default group '" + defaults.group() + "' is not one of the groups " + groups.keySet());
        }
        for (var person : people.entrySet()) {
            String group = person.getValue().group();
            if (group != null && !groups.containsKey(group)) {
                throw new IllegalArgumentException(person.getKey() + " is in group '" + group + "', which is not one of " + groups.keySet());
            }
        }
    }

    /**
     * Without a policy file: everyone in {@code country} (and {@code region}, may be null) works Monday to Friday,
     * 8 hours a day, has 25 days of annual leave a calendar year (pro-rated, nothing carried over), and sick and
     * other types tracked but not limited.
     */
    public static BalancePolicies defaults(String country, String region, List<String> types) {
        Map<String, TypePolicy> byType = new LinkedHashMap<>();
        for (String type : types) {
            byType.put(type, type.equals("annual") ? TypePolicy.annual(type, 25) : TypePolicy.unlimited(type));
        }
        return new BalancePolicies(new PersonSettings(country, region, WorkingWeek.MONDAY_TO_FRIDAY, BigDecimal.valueOf(8),
                null, DEFAULT_GROUP, Map.of()), Map.of(DEFAULT_GROUP, byType), Map.of(), Map.of(), null);
    }

    /** What applies to {@code person}: their settings over the defaults, their group's types with their overrides. */
    public PersonPolicy forPerson(Person person) {
        PersonSettings own = Optional.ofNullable(people.get(person.key())).orElse(new PersonSettings(null, null, null, null, null,
                null, Map.of()));
        String group = own.group() != null ? own.group() : defaults.group();
        Map<String, TypePolicy> types = new LinkedHashMap<>(groups.get(group));
        types.putAll(own.overrides());
        String country = own.country() != null ? own.country() : defaults.country();
        // a region belongs to its country: someone given another country does not keep the default's region
        String region = own.region() != null ? own.region() : own.country() != null ? null : defaults.region();
        return new PersonPolicy(country, region, own.week() != null ? own.week() : defaults.week(),
                own.hoursPerDay() != null ? own.hoursPerDay() : defaults.hoursPerDay(),
                own.startDate() != null ? own.startDate() : defaults.startDate(), group, types);
    }

    /**
     * The company's working days, as its defaults give them: their working week, less the default country's and
     * region's public holidays and the company days off (the who's-out digest posts on these mornings).
     */
    public WorkingCalendar companyCalendar(Holidays holidays) {
        return new WorkingCalendar(defaults.week(), holidays, defaults.country(), defaults.region(), companyDaysOff);
    }
}
