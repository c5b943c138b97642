package io.leavebot.balance;

import io.leavebot.balance.BalancePolicies.PersonSettings;
import io.leavebot.balance.PolicyJson.Value;
import io.leavebot.leave.EmailAddresses;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads the policy file: how each leave type is counted, per policy group and person, checked as it is read so that
 * a mistake stops LeaveBot at start-up with the key and the line, rather than giving someone a wrong balance. Every
 * key is checked, so a misspelt one is an error, never a silent default. The whole format:
 * <pre>{@code
 * {
 *   "defaults": {"country": "de", "region": "by", "week": "Mon-Fri", "hoursPerDay": 8, "group": "staff"},
 *   "balancesFrom": "2026-01-01",
 *   "companyDaysOff": [{"date": "2026-12-24", "name": "Christmas Eve"}, "2026-12-31"],
 *   "groups": {
 *     "staff": {
 *       "annual": {"allowance": 25, "unit": "days", "yearStarts": "January", "proRate": true,
 *                  "carryOver": {"cap": 5, "expires": "03-31"}, "negativeLimit": 0},
 *       "sick":   "unlimited",
 *       "toil":   {"accrues": {"amount": 2.08, "every": "month"}},
 *       "paid_time_off": {"accrues": {"amount": 4.6, "every": "14 days", "from": "2027-01-04"}, "unit": "hours"}
 *     }
 *   },
 *   "people": {
 *     "sam@example.com": {"country": "gb", "region": "eng", "week": "Mon-Thu", "startDate": "2027-04-12",
 *                         "group": "staff", "overrides": {"annual": {"allowance": 28}}}
 *   }
 * }
 * }</pre>
 *
 * <ul>
 * <li>{@code defaults}, all optional: the country (ISO 3166 code, as jollyday knows it) and region whose public
 *     holidays people have (none without a country); the working week ({@code "Mon-Fri"}, {@code "Mon,Tue,Thu"});
 *     how many hours a day of leave counts for a type counted in hours (8); the group of people the file does not
 *     put in one (the only group, or the one named {@code "default"}).</li>
 * <li>{@code balancesFrom}: leave years before the one this day is in have no balance and carry nothing over.</li>
 * <li>{@code companyDaysOff}: days off for everyone, a date or {@code {"date": …, "name": …}}.</li>
 * <li>{@code groups}: group → leave type → {@code "unlimited"} (tracked, never limited) or a policy with an
 *     {@code allowance} for each leave year or what {@code accrues} ({@code "every"}: {@code "month"}, {@code "3
 *     months"}, {@code "14 days"} or {@code "2 weeks"}, the latter from the day {@code "from"}), and optionally
 *     {@code unit} ({@code "days"} or {@code "hours"}), {@code yearStarts} (a month, January when not given),
 *     {@code proRate} (an allowance for joiners: true when not given), {@code carryOver} ({@code cap}, and
 *     {@code expires} as month-day, never when not given; nothing carried over when not given) and
 *     {@code negativeLimit} (how far below zero: 0 when not given). A leave type no group names has no balance.</li>
 * <li>{@code people}: by e-mail address; all optional: {@code country}, {@code region}, {@code week},
 *     {@code hoursPerDay}, {@code startDate} (joiners' allowances are pro-rated), {@code group}, and
 *     {@code overrides}: leave type → the keys of their group's policy of that type that differ for them.</li>
 * </ul>
 */
public final class PolicyFile {
    /** The policy file's JSON itself, where a file is awkward to ship (AWS Lambda). */
    public static final String POLICY_ENV = "LEAVEBOT_POLICY";
    public static final String POLICY_FILE_ENV = "LEAVEBOT_POLICY_FILE";
    /** Without a policy file: the country (and region) whose public holidays everyone has. */
    public static final String COUNTRY_ENV = "LEAVEBOT_COUNTRY";
    public static final String REGION_ENV = "LEAVEBOT_REGION";

    private static final Set<String> TOP_LEVEL = Set.of("defaults", "balancesFrom", "companyDaysOff", "groups", "people");
    private static final Set<String> DEFAULTS = Set.of("country", "region", "week", "hoursPerDay", "group");
    private static final Set<String> PERSON = Set.of("country", "region", "week", "hoursPerDay", "startDate", "group", "overrides");
    private static final Set<String> DAY_OFF = Set.of("date", "name");
    private static final BigDecimal EIGHT_HOURS = BigDecimal.valueOf(8);

    private final Holidays holidays;
    /** The leave types LeaveBot offers, or null when the file may name any. */
    private final List<String> offeredTypes;

    private PolicyFile(Holidays holidays, List<String> offeredTypes) {
        this.holidays = holidays;
        this.offeredTypes = offeredTypes == null ? null : List.copyOf(offeredTypes);
    }

    /**
     * Reads a policy file.
     *
     * @throws IllegalArgumentException naming the file, and the key and line, when it is missing, unreadable, not
     *                                  JSON or not in the format above
     */
    public static BalancePolicies fromFile(Path file) {
        return fromFile(file, null);
    }

    /** {@link #fromFile(Path)}, refusing leave types that are not among {@code offeredTypes} (a misspelt type). */
    public static BalancePolicies fromFile(Path file, List<String> offeredTypes) {
        String source = file.toString();
        try {
            return fromJson(Files.readString(file), source, offeredTypes);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(source + ": the policy file does not exist (create it, or point "
                    + POLICY_FILE_ENV + " at the right file)");
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": the policy file cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads a policy given as JSON text in the format above.
     *
     * @param source where the text comes from, to start each message, e.g. {@code "LEAVEBOT_POLICY"}
     * @throws IllegalArgumentException naming the source, the key and the line when the text is not in the format
     */
    public static BalancePolicies fromJson(String json, String source) {
        return fromJson(json, source, null);
    }

    /** {@link #fromJson(String, String)}, refusing leave types that are not among {@code offeredTypes}. */
    public static BalancePolicies fromJson(String json, String source, List<String> offeredTypes) {
        return new PolicyFile(new Holidays(), offeredTypes).read(PolicyJson.parse(json, source));
    }

    /**
     * The policies the settings give: {@value #POLICY_ENV} (the JSON itself), else the file {@value #POLICY_FILE_ENV}
     * names, else {@link BalancePolicies#defaults} for everyone in {@value #COUNTRY_ENV} and {@value #REGION_ENV}
     * (no public holidays without a country).
     *
     * @param setting a setting's value by name, empty when it is not set
     * @throws IllegalArgumentException naming the setting (and the key and line in a file) that cannot be used
     */
    public static BalancePolicies fromSettings(Function<String, Optional<String>> setting, List<String> offeredTypes) {
        Optional<String> json = setting.apply(POLICY_ENV).filter(v -> !v.isBlank());
        Optional<String> file = setting.apply(POLICY_FILE_ENV).filter(v -> !v.isBlank());
        Optional<String> country = setting.apply(COUNTRY_ENV).filter(v -> !v.isBlank()).map(PolicyFile::code);
        Optional<String> region = setting.apply(REGION_ENV).filter(v -> !v.isBlank()).map(PolicyFile::code);
        if (json.isPresent() && file.isPresent()) {
            throw new IllegalArgumentException(POLICY_ENV + " and " + POLICY_FILE_ENV + " are both set; set one of them");
        }
        if ((json.isPresent() || file.isPresent()) && (country.isPresent() || region.isPresent())) {
            throw new IllegalArgumentException(COUNTRY_ENV + " and " + REGION_ENV + " apply only without a policy; with "
                    + (json.isPresent() ? POLICY_ENV : POLICY_FILE_ENV) + ", give the country in the policy's \"defaults\"");
        }
        if (json.isPresent()) {
            return fromJson(json.get(), POLICY_ENV, offeredTypes);
        }
        if (file.isPresent()) {
            return fromFile(Path.of(file.get()), offeredTypes);
        }
        Holidays holidays = new Holidays();
        holidays.problem(country.orElse(null), region.orElse(null)).ifPresent(problem -> {
            boolean ofRegion = holidays.problem(country.orElse(null), null).isEmpty();
            throw new IllegalArgumentException((ofRegion ? REGION_ENV : COUNTRY_ENV) + ": " + problem);
        });
        return BalancePolicies.defaults(country.orElse(null), region.orElse(null), offeredTypes);
    }

    private BalancePolicies read(Value root) {
        root.object(TOP_LEVEL, "an object with \"groups\" of leave policies");
        Value groupsValue = root.get("groups");
        if (groupsValue == null) {
            throw root.problem("needs \"groups\": each group's leave types and how they are counted");
        }
        Map<String, Value> groups = groups(groupsValue);
        Map<String, Map<String, TypePolicy>> policies = new LinkedHashMap<>();
        groups.forEach((name, types) -> policies.put(name, TypePolicies.ofGroup(types, offeredTypes)));
        PersonSettings defaults = defaults(root, groups);
        Map<String, PersonSettings> people = people(root.get("people"), groups, defaults);
        return new BalancePolicies(defaults, policies, people, companyDaysOff(root.get("companyDaysOff")),
                root.has("balancesFrom") ? root.get("balancesFrom").date() : null);
    }

    private static Map<String, Value> groups(Value value) {
        Map<String, Value> groups = new LinkedHashMap<>();
        for (Map.Entry<String, Value> group : value.map("an object: group name → leave type → policy").entries()) {
            groups.put(group.getKey(), group.getValue());
        }
        if (groups.isEmpty()) {
            throw value.problem("needs at least one group, e.g. {\"staff\": {\"annual\": {\"allowance\": 25}}}");
        }
        return groups;
    }

    private PersonSettings defaults(Value root, Map<String, Value> groups) {
        Value value = root.get("defaults");
        if (value != null) {
            value.object(DEFAULTS, "an object");
        }
        String group = value != null && value.has("group") ? group(value.get("group"), groups)
                : groups.size() == 1 ? groups.keySet().iterator().next()
                : groups.containsKey(BalancePolicies.DEFAULT_GROUP) ? BalancePolicies.DEFAULT_GROUP : null;
        if (group == null) {
            throw (value == null ? root : value).problem("needs " + (value == null ? "\"defaults\" with " : "")
                    + "\"group\": the group of people the file does not list, one of " + groups.keySet());
        }
        if (value == null) {
            return new PersonSettings(null, null, WorkingWeek.MONDAY_TO_FRIDAY, EIGHT_HOURS, null, group, Map.of());
        }
        String country = code(value, "country");
        String region = code(value, "region");
        checkPlace(value, country, region);
        return new PersonSettings(country, region, value.has("week") ? week(value.get("week")) : WorkingWeek.MONDAY_TO_FRIDAY,
                value.has("hoursPerDay") ? hoursPerDay(value.get("hoursPerDay")) : EIGHT_HOURS, null, group, Map.of());
    }

    private Map<String, PersonSettings> people(Value value, Map<String, Value> groups, PersonSettings defaults) {
        Map<String, PersonSettings> people = new HashMap<>();
        if (value == null) {
            return people;
        }
        for (Map.Entry<String, Value> entry : value.map("an object: e-mail address → settings").entries()) {
            String email = entry.getKey().trim();
            Value person = entry.getValue();
            EmailAddresses.problem(email).ifPresent(wrong -> {
                throw person.problem("is not a person: the key \"" + email + "\" " + wrong);
            });
            if (people.put(email.toLowerCase(Locale.ROOT), person(person, groups, defaults)) != null) {
                throw person.problem("is given twice (e-mail addresses are the same in any case)");
            }
        }
        return people;
    }

    private PersonSettings person(Value value, Map<String, Value> groups, PersonSettings defaults) {
        value.object(PERSON, "an object");
        String country = code(value, "country");
        String region = code(value, "region");
        // as BalancePolicies.forPerson: a region belongs to its country, and without one of their own, to the default's
        checkPlace(value, country != null ? country : defaults.country(),
                region != null ? region : country != null ? null : defaults.region());
        String group = value.has("group") ? group(value.get("group"), groups) : null;
        Map<String, TypePolicy> overrides = value.has("overrides")
                ? TypePolicies.overrides(groups.get(group != null ? group : defaults.group()), value.get("overrides"), offeredTypes)
                : Map.of();
        return new PersonSettings(country, region, value.has("week") ? week(value.get("week")) : null,
                value.has("hoursPerDay") ? hoursPerDay(value.get("hoursPerDay")) : null,
                value.has("startDate") ? value.get("startDate").date() : null, group, overrides);
    }

    private static Map<LocalDate, String> companyDaysOff(Value value) {
        Map<LocalDate, String> days = new TreeMap<>();
        if (value == null) {
            return days;
        }
        for (Value day : value.array("a list of dates, or of {\"date\": \"2026-12-24\", \"name\": \"Christmas Eve\"}").elements()) {
            boolean named = day.isObject();
            if (named) {
                day.object(DAY_OFF, "a date, or {\"date\": ..., \"name\": ...}");
                if (!day.has("date")) {
                    throw day.problem("needs its \"date\"");
                }
            }
            LocalDate date = (named ? day.get("date") : day).date();
            String name = named && day.has("name") ? day.get("name").text("the day's name") : "Company day off";
            if (days.put(date, name) != null) {
                throw day.problem("is " + date + " again; each company day off is listed once");
            }
        }
        return days;
    }

    /** The value of {@code key}, a country or region code, lower-cased; null when not given. */
    private static String code(Value object, String key) {
        return object.has(key) ? code(object.get(key).text("a " + key + " code such as \"" + ("country".equals(key) ? "de" : "by") + "\""))
                : null;
    }

    private static String code(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether jollyday knows the country and region; said at the region when it is the region it does not know. */
    private void checkPlace(Value object, String country, String region) {
        holidays.problem(country, region).ifPresent(problem -> {
            Value at = holidays.problem(country, null).isEmpty() ? (object.has("region") ? object.get("region") : object)
                    : object.has("country") ? object.get("country") : object;
            throw at.problem("cannot be used: " + problem);
        });
    }

    private static String group(Value value, Map<String, Value> groups) {
        String group = value.text("a group's name");
        if (!groups.containsKey(group)) {
            throw value.problem("is \"" + group + "\", which is not one of the groups " + groups.keySet());
        }
        return group;
    }

    private static WorkingWeek week(Value value) {
        String text = value.text("a working week such as \"Mon-Fri\"");
        try {
            return WorkingWeek.parse(text);
        } catch (IllegalArgumentException e) {
            throw value.problem("cannot be used: " + e.getMessage());
        }
    }

    private static BigDecimal hoursPerDay(Value value) {
        BigDecimal hours = value.number("a number of hours", false);
        if (hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            throw value.problem("must be a number of hours, at most 24, but is " + value.shown());
        }
        return hours;
    }
}
