package io.leavebot.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.balance.TypePolicy.Accrual;
import io.leavebot.balance.TypePolicy.CarryOver;
import io.leavebot.balance.TypePolicy.Kind;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
}
