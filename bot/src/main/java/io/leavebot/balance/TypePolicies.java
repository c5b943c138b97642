package io.leavebot.balance;

import io.leavebot.balance.PolicyJson.Value;
import io.leavebot.balance.TypePolicy.Accrual;
import io.leavebot.balance.TypePolicy.CarryOver;
import io.leavebot.balance.TypePolicy.Kind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the leave types of a policy group, and a person's overrides of them, as {@link PolicyFile} describes them.
 * An override gives only the keys that differ: each key is looked up in the override first, then in the group's
 * policy of the type (so {@code {"carryOver": {"cap": 10}}} keeps the group's expiry).
 */
final class TypePolicies {
    private static final String UNLIMITED = "unlimited";
    private static final Set<String> KEYS = Set.of("allowance", "accrues", "unit", "yearStarts", "proRate", "carryOver",
            "negativeLimit");
    private static final Set<String> CARRY_OVER = Set.of("cap", "expires");
    private static final Set<String> ACCRUES = Set.of("amount", "every", "from");
    private static final String A_POLICY = "\"unlimited\" or a policy such as {\"allowance\": 25}";
    private static final Pattern PERIOD = Pattern.compile("(?:(\\d{1,3})\\s*)?(day|week|month)s?");

    private TypePolicies() {
    }

    /** A group's leave types, in the file's order. */
    static Map<String, TypePolicy> ofGroup(Value group, List<String> offeredTypes) {
        Map<String, TypePolicy> types = new LinkedHashMap<>();
        for (Map.Entry<String, Value> type : group.map("an object: leave type → " + A_POLICY).entries()) {
            offered(type.getKey(), type.getValue(), offeredTypes);
            types.put(type.getKey(), read(type.getKey(), List.of(type.getValue())));
        }
        return types;
    }

    /** A person's overrides: each type's policy with the keys the override gives over their group's. */
    static Map<String, TypePolicy> overrides(Value group, Value overrides, List<String> offeredTypes) {
        Map<String, TypePolicy> types = new LinkedHashMap<>();
        for (Map.Entry<String, Value> type : overrides.map("an object: leave type → the keys of its policy that differ").entries()) {
            offered(type.getKey(), type.getValue(), offeredTypes);
            Value ofGroup = group.get(type.getKey());
            types.put(type.getKey(), read(type.getKey(), ofGroup == null ? List.of(type.getValue()) : List.of(type.getValue(), ofGroup)));
        }
        return types;
    }

    private static void offered(String type, Value value, List<String> offeredTypes) {
        if (offeredTypes != null && !offeredTypes.contains(type)) {
            throw value.problem("is not a leave type LeaveBot offers; the types are " + String.join(", ", offeredTypes));
        }
    }

    /** @param layers the type's policy as the override and then the group give it (an "unlimited" ends the list) */
    private static TypePolicy read(String type, List<Value> layers) {
        Value top = layers.get(0);
        if (top.isText()) {
            if (!top.node().asText().trim().equalsIgnoreCase(UNLIMITED)) {
                throw top.problem("must be " + A_POLICY + ", but is " + top.shown());
            }
            return TypePolicy.unlimited(type);
        }
        List<Value> policy = new ArrayList<>();
        for (Value layer : layers) {
            if (!layer.isObject()) {
                break; // an override of an unlimited type gives the whole policy
            }
            policy.add(layer.object(KEYS, A_POLICY));
        }
        Value unitValue = find(policy, "unit");
        Unit unit = unitValue == null ? Unit.DAYS : unit(unitValue);
        String amount = unit == Unit.DAYS ? "a number of days" : "a number of hours";
        int kindAt = kindLayer(policy);
        boolean accrues = policy.get(kindAt).has("accrues");
        Value proRate = find(policy, "proRate");
        Value proRateWithAccrual = find(policy.subList(0, kindAt + 1), "proRate"); // not a group's, that an override replaces
        if (accrues && proRateWithAccrual != null) {
            throw proRateWithAccrual.problem("is for an allowance; an accrual counts from the day someone joins");
        }
        Value yearStarts = find(policy, "yearStarts");
        Value negativeLimit = find(policy, "negativeLimit");
        return new TypePolicy(type, accrues ? Kind.ACCRUAL : Kind.ANNUAL, unit,
                accrues ? null : policy.get(kindAt).get("allowance").number(amount, true),
                accrues ? accrual(nested(policy.subList(kindAt, policy.size()), "accrues", ACCRUES, "{\"amount\": 2, \"every\": \"month\"}"), amount) : null,
                yearStarts == null ? LeaveYear.CALENDAR : new LeaveYear(month(yearStarts)),
                carryOver(nested(policy, "carryOver", CARRY_OVER, "{\"cap\": 5, \"expires\": \"03-31\"}"), amount),
                negativeLimit == null ? BigDecimal.ZERO : negativeLimit.number(amount, true),
                proRate == null || proRate.bool());
    }

    /** Which layer says how the type is granted: the first with an allowance or an accrual. */
    private static int kindLayer(List<Value> policy) {
        for (int i = 0; i < policy.size(); i++) {
            Value layer = policy.get(i);
            if (layer.has("allowance") && layer.has("accrues")) {
                throw layer.get("accrues").problem("cannot be given with \"allowance\"; a type has an allowance each leave year, "
                        + "or accrues, not both");
            }
            if (layer.has("allowance") || layer.has("accrues")) {
                return i;
            }
        }
        throw policy.get(0).problem("needs an \"allowance\" (for each leave year) or what \"accrues\" (e.g. {\"amount\": 2, "
                + "\"every\": \"month\"}), or is \"unlimited\"");
    }

    private static Value find(List<Value> layers, String key) {
        return layers.stream().filter(l -> l.has(key)).map(l -> l.get(key)).findFirst().orElse(null);
    }

    /** The objects the layers give for {@code key}, each checked, top first; empty when none gives it. */
    private static List<Value> nested(List<Value> layers, String key, Set<String> allowed, String example) {
        return layers.stream().filter(l -> l.has(key)).map(l -> l.get(key).object(allowed, "an object such as " + example)).toList();
    }

    private static CarryOver carryOver(List<Value> layers, String amount) {
        if (layers.isEmpty()) {
            return CarryOver.NONE;
        }
        Value cap = find(layers, "cap");
        if (cap == null) {
            throw layers.get(0).problem("needs its \"cap\": the most that moves to the next leave year (0 for nothing)");
        }
        Value expires = find(layers, "expires");
        return new CarryOver(cap.number(amount, true), expires == null ? null : monthDay(expires));
    }

    private static Accrual accrual(List<Value> layers, String amount) {
        Value perPeriod = find(layers, "amount");
        Value every = find(layers, "every");
        if (perPeriod == null || every == null) {
            throw layers.get(0).problem("needs " + (perPeriod == null ? "the \"amount\" that accrues each period" : "how often it accrues, "
                    + "\"every\": \"month\" or e.g. \"14 days\""));
        }
        Period period = period(every);
        Value from = find(layers, "from");
        if (period.getMonths() != 0 && from != null) {
            throw from.problem("is for an accrual every so many days or weeks; a monthly accrual counts from the leave year's start");
        }
        if (period.getDays() != 0 && from == null) {
            throw layers.get(0).problem("needs \"from\": the first day of a period (e.g. a payday), as every "
                    + period.getDays() + " days are counted from it");
        }
        LocalDate start = from == null ? null : from.date();
        return new Accrual(perPeriod.number(amount, false), period, start);
    }

    private static Period period(Value value) {
        String text = value.text("\"month\" or a number of days, weeks or months such as \"14 days\"");
        Matcher m = PERIOD.matcher(text.toLowerCase(Locale.ROOT));
        int count = m.matches() && m.group(1) != null ? Integer.parseInt(m.group(1)) : 1;
        if (!m.matches() || count < 1) {
            throw value.problem("must be \"month\" or a number of days, weeks or months such as \"14 days\", but is " + value.shown());
        }
        return switch (m.group(2)) {
            case "month" -> Period.ofMonths(count);
            case "week" -> Period.ofDays(7 * count);
            default -> Period.ofDays(count);
        };
    }

    private static Unit unit(Value value) {
        String text = value.text("\"days\" or \"hours\"").toLowerCase(Locale.ROOT);
        return switch (text) {
            case "days" -> Unit.DAYS;
            case "hours" -> Unit.HOURS;
            default -> throw value.problem("must be \"days\" or \"hours\", but is " + value.shown());
        };
    }

    private static Month month(Value value) {
        if (value.node().isInt() && value.node().intValue() >= 1 && value.node().intValue() <= 12) {
            return Month.of(value.node().intValue());
        }
        String text = value.node().isTextual() ? value.node().asText().trim().toLowerCase(Locale.ROOT) : "";
        for (Month month : Month.values()) {
            if (text.length() >= 3 && month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(text)) {
                return month;
            }
        }
        throw value.problem("must be a month such as \"January\" or \"April\", but is " + value.shown());
    }

    private static MonthDay monthDay(Value value) {
        String text = value.text("a month and day such as \"03-31\"");
        try {
            return MonthDay.parse("--" + text);
        } catch (DateTimeParseException e) {
            throw value.problem("must be a month and day such as \"03-31\" (31 March), but is " + value.shown());
        }
    }
}
