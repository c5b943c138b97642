package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.TypePolicy.Accrual;
import io.leavebot.balance.TypePolicy.CarryOver;
import io.leavebot.balance.TypePolicy.Kind;
import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.Person;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.Period;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    private static final List<String> TYPES = List.of("annual", "sick", "unpaid", "toil", "paid_time_off");
    /** The example of {@link PolicyFile}'s Javadoc. */
    private static final String EXAMPLE = """
            {
              "defaults": {"country": "de", "region": "by", "week": "Mon-Fri", "hoursPerDay": 8, "group": "staff"},
              "balancesFrom": "2026-01-01",
              "companyDaysOff": [{"date": "2026-12-24", "name": "Christmas Eve"}, "2026-12-31"],
              "groups": {
                "staff": {
                  "annual": {"allowance": 25, "unit": "days", "yearStarts": "January", "proRate": true,
                             "carryOver": {"cap": 5, "expires": "03-31"}, "negativeLimit": 0},
                  "sick":   "unlimited",
                  "toil":   {"accrues": {"amount": 2.08, "every": "month"}},
                  "paid_time_off": {"accrues": {"amount": 4.6, "every": "14 days", "from": "2027-01-04"}, "unit": "hours"}
                }
              },
              "people": {
                "sam@example.com": {"country": "gb", "region": "eng", "week": "Mon-Thu", "startDate": "2027-04-12",
                                    "group": "staff", "overrides": {"annual": {"allowance": 28}}}
              }
            }""";

    @TempDir
    Path dir;

    private static String problemWith(String json) {
        return assertThrows(IllegalArgumentException.class, () -> PolicyFile.fromJson(json, "policy.json", TYPES)).getMessage();
    }

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theDocumentedExampleReadsAsItSays() {
        BalancePolicies policies = PolicyFile.fromJson(EXAMPLE, "policy.json", TYPES);

        assertEquals(new BalancePolicies.PersonSettings("de", "by", WorkingWeek.MONDAY_TO_FRIDAY, n("8"), null, "staff", Map.of()),
                policies.defaults());
        assertEquals(LocalDate.of(2026, 1, 1), policies.balancesFrom());
        assertEquals(Map.of(LocalDate.of(2026, 12, 24), "Christmas Eve", LocalDate.of(2026, 12, 31), "Company day off"),
                policies.companyDaysOff());
        Map<String, TypePolicy> staff = policies.groups().get("staff");
        assertEquals(new TypePolicy("annual", Kind.ANNUAL, Unit.DAYS, n("25"), null, LeaveYear.CALENDAR,
                new CarryOver(n("5"), MonthDay.of(3, 31)), n("0"), true), staff.get("annual"));
        assertEquals(TypePolicy.unlimited("sick"), staff.get("sick"));
        assertEquals(new Accrual(n("2.08"), Period.ofMonths(1), null), staff.get("toil").accrual());
        assertEquals(Kind.ACCRUAL, staff.get("toil").kind());
        TypePolicy pto = staff.get("paid_time_off");
        assertEquals(new Accrual(n("4.6"), Period.ofDays(14), LocalDate.of(2027, 1, 4)), pto.accrual());
        assertEquals(Unit.HOURS, pto.unit());
        assertFalse(staff.containsKey("unpaid"), "a type no group names is not tracked");

        PersonPolicy sam = policies.forPerson(Person.ofEmail("Sam@Example.com", "Sam"));
        assertEquals("gb", sam.country());
        assertEquals("eng", sam.region());
        assertEquals(new WorkingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.THURSDAY)), sam.week());
        assertEquals(LocalDate.of(2027, 4, 12), sam.startDate());
        TypePolicy samsAnnual = sam.type("annual").orElseThrow();
        assertEquals(n("28"), samsAnnual.allowance());
        assertEquals(new CarryOver(n("5"), MonthDay.of(3, 31)), samsAnnual.carryOver(), "the rest of the group's policy stays");
        assertEquals(Optional.empty(), sam.type("unpaid"));
    }

    @Test
    void theReadmesExampleReads() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Balances, public holidays and the policy file");
        int start = readme.indexOf("```json\n", section) + "```json\n".length();
        BalancePolicies policies = PolicyFile.fromJson(readme.substring(start, readme.indexOf("```", start)), "README.md",
                LeavePolicy.DEFAULT.types());

        assertEquals(n("20"), policies.forPerson(Person.ofEmail("sam@example.com", null)).type("annual").orElseThrow().allowance());
        assertEquals(Unit.HOURS, policies.forPerson(Person.ofEmail("priya@example.com", null)).type("other").orElseThrow().unit());
    }

    @Test
    void aFileIsReadAndAMissingOneIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.json"), EXAMPLE);
        assertEquals(PolicyFile.fromJson(EXAMPLE, "x"), PolicyFile.fromFile(file));

        Path missing = dir.resolve("nowhere.json");
        String message = assertThrows(IllegalArgumentException.class, () -> PolicyFile.fromFile(missing)).getMessage();
        assertTrue(message.startsWith(missing + ": the policy file does not exist"), message);
    }

    @Test
    void aValueOfTheWrongKindNamesItsKeyPathAndLine() {
        String json = EXAMPLE.replace("\"cap\": 5", "\"cap\": \"five\"");
        assertEquals("policy.json line 8: groups.staff.annual.carryOver.cap must be a number of days, 0 or more, but is \"five\"",
                problemWith(json));
    }

    @Test
    void notJsonIsSaidWithItsLine() {
        String message = problemWith("{\n  \"groups\": {\"staff\": {\"annual\": {\"allowance\": 25,}}}\n}");
        assertTrue(message.startsWith("policy.json line 2: it is not valid JSON: "), message);
        assertEquals("policy.json: it is empty; it needs at least \"groups\"", problemWith(" "));
        assertTrue(problemWith("{\"groups\": {\"a\": {}}}\n{}").startsWith("policy.json line 2: it is not valid JSON: "));
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLine() {
        String message = problemWith("{\"groups\": {\"staff\": {\"sick\": \"unlimited\"}},\n\"groups\": {}}");
        assertTrue(message.startsWith("policy.json line 2: it is not valid JSON: Duplicate field 'groups'"), message);
    }

    @Test
    void unknownKeysAreRefusedWithTheKeysAllowed() {
        assertEquals("policy.json line 2: grups is not a key LeaveBot knows here; the keys of the top level are balancesFrom, "
                + "companyDaysOff, defaults, groups, people", problemWith("{\"groups\": {\"staff\": {\"sick\": \"unlimited\"}},\n \"grups\": 1}"));
        assertEquals("policy.json line 7: groups.staff.annual.alowance is not a key LeaveBot knows here; the keys of "
                + "groups.staff.annual are accrues, allowance, carryOver, negativeLimit, proRate, unit, yearStarts",
                problemWith(EXAMPLE.replace("\"allowance\": 25", "\"alowance\": 25")));
        assertEquals("policy.json line 8: groups.staff.annual.carryOver.expiry is not a key LeaveBot knows here; the keys of "
                + "groups.staff.annual.carryOver are cap, expires", problemWith(EXAMPLE.replace("\"expires\"", "\"expiry\"")));
        assertEquals("policy.json line 15: people.\"sam@example.com\".startdate is not a key LeaveBot knows here; the keys of "
                + "people.\"sam@example.com\" are country, group, hoursPerDay, overrides, region, startDate, week",
                problemWith(EXAMPLE.replace("\"startDate\"", "\"startdate\"")));
        assertEquals("policy.json line 16: people.\"sam@example.com\".overrides.annual.allowence is not a key LeaveBot knows here; "
                + "the keys of people.\"sam@example.com\".overrides.annual are accrues, allowance, carryOver, negativeLimit, proRate, "
                + "unit, yearStarts", problemWith(EXAMPLE.replace("\"allowance\": 28", "\"allowence\": 28")));
    }

    @Test
    void aMisspeltLeaveTypeIsNotOneLeaveBotOffers() {
        assertEquals("policy.json line 9: groups.staff.sickness is not a leave type LeaveBot offers; the types are annual, sick, "
                + "unpaid, toil, paid_time_off", problemWith(EXAMPLE.replace("\"sick\":", "\"sickness\":")));
    }

    @Test
    void valuesThatCannotBeUsedNameTheirKeyAndLine() {
        assertEquals("policy.json line 2: defaults.country cannot be used: 'xx' is not a country jollyday knows; use its ISO 3166 "
                + "code, e.g. de, gb, us, fr", problemWith(EXAMPLE.replace("\"country\": \"de\"", "\"country\": \"xx\"")));
        String region = problemWith(EXAMPLE.replace("\"region\": \"eng\"", "\"region\": \"england\""));
        assertTrue(region.startsWith("policy.json line 15: people.\"sam@example.com\".region cannot be used: 'england' is not a "
                + "region of gb; its regions are ["), region);
        assertEquals("policy.json line 2: defaults.week cannot be used: 'Fry' in \"Mon-Fry\" is not a day of the week (Mon, Tue, "
                + "Wed, Thu, Fri, Sat, Sun)", problemWith(EXAMPLE.replace("\"Mon-Fri\"", "\"Mon-Fry\"")));
        assertEquals("policy.json line 15: people.\"sam@example.com\".startDate must be a date such as \"2027-01-04\" (year-month-day), "
                + "but is \"2027-13-01\"", problemWith(EXAMPLE.replace("2027-04-12", "2027-13-01")));
        assertEquals("policy.json line 16: people.\"sam@example.com\".group is \"stuff\", which is not one of the groups [staff]",
                problemWith(EXAMPLE.replace("\"group\": \"staff\", \"overrides\"", "\"group\": \"stuff\", \"overrides\"")));
        assertEquals("policy.json line 7: groups.staff.annual.yearStarts must be a month such as \"January\" or \"April\", but is "
                + "\"Janvier\"", problemWith(EXAMPLE.replace("\"January\"", "\"Janvier\"")));
        assertEquals("policy.json line 2: defaults.hoursPerDay must be a number of hours, more than 0, but is 0",
                problemWith(EXAMPLE.replace("\"hoursPerDay\": 8", "\"hoursPerDay\": 0")));
        assertEquals("policy.json line 11: groups.staff.paid_time_off.accrues.every must be \"month\" or a number of days, weeks or "
                + "months such as \"14 days\", but is \"fortnight\"", problemWith(EXAMPLE.replace("\"14 days\"", "\"fortnight\"")));
        assertEquals("policy.json line 4: companyDaysOff[1] is 2026-12-24 again; each company day off is listed once",
                problemWith(EXAMPLE.replace("\"2026-12-31\"", "\"2026-12-24\"")));
    }

    @Test
    void aPolicyThatSaysTooLittleOrTooMuchIsRefused() {
        assertEquals("policy.json line 1: the policy needs \"groups\": each group's leave types and how they are counted",
                problemWith("{}"));
        assertEquals("policy.json line 1: groups.staff.annual needs an \"allowance\" (for each leave year) or what \"accrues\" "
                + "(e.g. {\"amount\": 2, \"every\": \"month\"}), or is \"unlimited\"", problemWith("{\"groups\": {\"staff\": {\"annual\": {}}}}"));
        assertEquals("policy.json line 1: groups.staff.annual.accrues cannot be given with \"allowance\"; a type has an allowance "
                + "each leave year, or accrues, not both", problemWith("{\"groups\": {\"staff\": {\"annual\": {\"allowance\": 2, "
                + "\"accrues\": {\"amount\": 2, \"every\": \"month\"}}}}}"));
        assertEquals("policy.json line 11: groups.staff.paid_time_off.accrues needs \"from\": the first day of a period (e.g. a "
                + "payday), as every 14 days are counted from it", problemWith(EXAMPLE.replace(", \"from\": \"2027-01-04\"", "")));
        assertEquals("policy.json line 1: groups.staff.sick must be \"unlimited\" or a policy such as {\"allowance\": 25}, but is "
                + "\"unlimted\"", problemWith("{\"groups\": {\"staff\": {\"sick\": \"unlimted\"}}}"));
        assertEquals("policy.json line 1: the policy needs \"defaults\" with \"group\": the group of people the file does not list, "
                + "one of [a, b]", problemWith("{\"groups\": {\"a\": {}, \"b\": {}}}"));
    }

    @Test
    void anOverrideOfAnUnlimitedTypeGivesTheWholePolicyAndOneOfAnotherKindReplacesIt() {
        BalancePolicies policies = PolicyFile.fromJson(EXAMPLE.replace("{\"annual\": {\"allowance\": 28}}",
                "{\"sick\": {\"allowance\": 10}, \"annual\": {\"accrues\": {\"amount\": 2, \"every\": \"month\"}}}"), "x", TYPES);
        PersonPolicy sam = policies.forPerson(Person.ofEmail("sam@example.com", null));

        assertEquals(n("10"), sam.type("sick").orElseThrow().allowance());
        assertEquals(Kind.ACCRUAL, sam.type("annual").orElseThrow().kind());
        assertEquals(new CarryOver(n("5"), MonthDay.of(3, 31)), sam.type("annual").orElseThrow().carryOver());
        assertEquals(Month.JANUARY, sam.type("annual").orElseThrow().year().startMonth());
    }

    @Test
    void theSettingsGiveThePolicyTheFileOrTheDefaultsForACountry() throws IOException {
        Path file = Files.writeString(dir.resolve("policy.json"), EXAMPLE);
        assertEquals(PolicyFile.fromJson(EXAMPLE, "x"), PolicyFile.fromSettings(settings("LEAVEBOT_POLICY", EXAMPLE), TYPES));
        assertEquals(PolicyFile.fromJson(EXAMPLE, "x"), PolicyFile.fromSettings(settings("LEAVEBOT_POLICY_FILE", file.toString()), TYPES));
        BalancePolicies defaults = PolicyFile.fromSettings(settings("LEAVEBOT_COUNTRY", "GB", "LEAVEBOT_REGION", "sct"), TYPES);
        assertEquals(BalancePolicies.defaults("gb", "sct", TYPES), defaults);
        assertNull(PolicyFile.fromSettings(settings(), TYPES).defaults().country());

        assertEquals("LEAVEBOT_REGION: 'scotland' is not a region of gb; its regions are [eng, nir, sct, wls]",
                problemOf(settings("LEAVEBOT_COUNTRY", "gb", "LEAVEBOT_REGION", "scotland")));
        assertTrue(problemOf(settings("LEAVEBOT_COUNTRY", "xx", "LEAVEBOT_REGION", "by")).startsWith("LEAVEBOT_COUNTRY: 'xx' is not"));
        assertEquals("LEAVEBOT_POLICY and LEAVEBOT_POLICY_FILE are both set; set one of them",
                problemOf(settings("LEAVEBOT_POLICY", EXAMPLE, "LEAVEBOT_POLICY_FILE", file.toString())));
        assertTrue(problemOf(settings("LEAVEBOT_POLICY_FILE", file.toString(), "LEAVEBOT_COUNTRY", "de"))
                .startsWith("LEAVEBOT_COUNTRY and LEAVEBOT_REGION apply only without a policy"));
        assertTrue(problemOf(settings("LEAVEBOT_POLICY", "{\"groups\": 1}")).startsWith("LEAVEBOT_POLICY line 1: groups must be"));
    }

    private static Function<String, Optional<String>> settings(String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return name -> Optional.ofNullable(values.get(name));
    }

    private static String problemOf(Function<String, Optional<String>> settings) {
        return assertThrows(IllegalArgumentException.class, () -> PolicyFile.fromSettings(settings, TYPES)).getMessage();
    }
}
