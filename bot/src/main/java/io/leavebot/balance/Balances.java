package io.leavebot.balance;

import io.leavebot.balance.Balance.Line;
import io.leavebot.balance.LedgerEntry.Kind;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Balances, worked out from the policy and the stored ledger each time they are asked for: what a leave year
 * grants or has accrued, what the year before carries over and what of it expires follow from the policy, so
 * nothing has to run at a year's end or a month's start; leave taken, refunds and adjustments are the stored
 * {@link LedgerEntry ledger entries}. A change of the policy file applies to every year LeaveBot counts.
 *
 * <p>The years counted for a person and type start with the latest of the leave years of the policy's
 * {@code balancesFrom} and the person's start date; when neither is set, with the year of their first ledger
 * entry. Carry-over into a year comes from the year before only when that year is counted (without a start
 * date or {@code balancesFrom}, someone who never took leave carries nothing over).
 *
 * <p>Choices: an accrual is credited at the start of its period (leave this month may use this month's), and a
 * joiner's first period counts only if it starts on or after the day they joined; a pro-rated allowance is the
 * share of the year's days from the start date, rounded up to half a day (or a whole hour); carried-over days are
 * used first, by leave starting on or before the day they expire; a request over New Year takes from both years.
 */
public final class Balances {
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final BalancePolicies policies;
    private final Holidays holidays;
    private final LeaveLedger ledger;
    private final Function<Person, List<LeaveRequest>> requestsOf;
    private final Clock clock;

    /**
     * @param requestsOf a person's requests, e.g. {@code LeaveStore::listByEmployee}: the pending ones are not in the
     *                   ledger until approved
     * @param clock      gives today, in the zone people's days are counted in
     */
    public Balances(BalancePolicies policies, Holidays holidays, LeaveLedger ledger,
            Function<Person, List<LeaveRequest>> requestsOf, Clock clock) {
        this.policies = policies;
        this.holidays = holidays;
        this.ledger = ledger;
        this.requestsOf = requestsOf;
        this.clock = clock;
    }

    /** What one request does to a balance, for the form and the validation, per leave year it falls in. */
    public record Preview(TypePolicy policy, List<Part> parts) {
        public enum Verdict {
            /** Within the balance (or an unlimited type). */
            FITS,
            /** Below zero, as far as the policy allows: a warning. */
            NEGATIVE,
            /** Beyond what the policy allows: the request cannot be made. */
            BEYOND
        }

        /** @param before the balance before this request, as of its first day in that year (pending requests counted) */
        public record Part(Balance before, BigDecimal amount) {
            public BigDecimal after() {
                return before.available().subtract(amount);
            }

            public Verdict verdict() {
                if (!before.limited() || after().signum() >= 0) {
                    return Verdict.FITS;
                }
                return after().compareTo(before.negativeLimit().negate()) >= 0 ? Verdict.NEGATIVE : Verdict.BEYOND;
            }
        }

        /** The worst of the parts' verdicts. */
        public Verdict verdict() {
            return parts.stream().map(Part::verdict).max(Comparator.naturalOrder()).orElse(Verdict.FITS);
        }

        public BigDecimal amount() {
            return parts.stream().map(Part::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public PersonPolicy policyOf(Person person) {
        return policies.forPerson(person);
    }

    public WorkingCalendar calendarOf(Person person) {
        PersonPolicy p = policyOf(person);
        return new WorkingCalendar(p.week(), holidays, p.country(), p.region(), policies.companyDaysOff());
    }

    public BalancePolicies policies() {
        return policies;
    }

    /** The stored ledger the balances are worked out from; admins' adjustments are written to it. */
    public LeaveLedger ledger() {
        return ledger;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The balance of every tracked type in the leave year of today, as of today, in the policy's order of types;
     * after each, the type's later leave years that already have leave approved or waiting (booked in December for
     * January), as they will stand on their first day.
     */
    public List<Balance> all(Person person) {
        PersonPolicy p = policyOf(person);
        List<LedgerEntry> entries = ledger.entries(person);
        List<LeaveRequest> pending = pending(person, null);
        LocalDate today = today();
        List<Balance> balances = new ArrayList<>();
        p.types().values().stream().sorted(Comparator.comparing(TypePolicy::type, this::typeOrder)).forEach(t -> {
            int current = t.year().of(today);
            balances.add(compute(person, p, t, current, today, entries, pending));
            TreeSet<Integer> later = new TreeSet<>();
            entries.stream().filter(e -> e.type().equals(t.type())).forEach(e -> later.add(e.leaveYear()));
            pending.stream().filter(r -> r.type().equals(t.type())).forEach(r -> later.add(t.year().of(r.end())));
            for (int year : later.tailSet(current, false)) {
                balances.add(compute(person, p, t, year, t.year().firstDay(year), entries, pending));
            }
        });
        return balances;
    }

    /** The balance of {@code type} in the leave year {@code asOf} falls in, as of that day; empty for an untracked type. */
    public Optional<Balance> of(Person person, String type, LocalDate asOf) {
        PersonPolicy p = policyOf(person);
        return p.type(type).map(t -> compute(person, p, t, t.year().of(asOf), asOf, ledger.entries(person), pending(person, null)));
    }

    /**
     * What a request for these days would do to the employee's balance, with {@code requestId}'s own earlier
     * submission not counted as pending; empty for an untracked type.
     */
    public Optional<Preview> preview(Person employee, String type, LocalDate start, LocalDate end, boolean halfDay,
            String requestId) {
        PersonPolicy p = policyOf(employee);
        Optional<TypePolicy> policy = p.type(type);
        if (policy.isEmpty() || start == null || end == null || end.isBefore(start)) {
            return Optional.empty();
        }
        TypePolicy t = policy.get();
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries(employee));
        List<LeaveRequest> pending = pending(employee, requestId);
        List<Preview.Part> parts = new ArrayList<>();
        for (YearPart part : split(p, t, start, end, halfDay, null)) {
            parts.add(new Preview.Part(compute(employee, p, t, part.year, part.from, entries, pending), part.amount));
            entries.add(provisional(employee, t, requestId == null ? "preview" : requestId, part));
        }
        return Optional.of(new Preview(t, parts));
    }

    /**
     * What approving {@code request} takes, with each part's floor as the policy and the ledger stand now; null
     * when its type is not tracked. Pending requests are not counted: the approval is checked against what is
     * approved.
     */
    public Deduction deductionFor(LeaveRequest request) {
        Person employee = request.employee();
        PersonPolicy p = policyOf(employee);
        Optional<TypePolicy> policy = p.type(request.type());
        if (policy.isEmpty()) {
            return null;
        }
        TypePolicy t = policy.get();
        List<LedgerEntry> entries = new ArrayList<>(ledger.entries(employee));
        List<Deduction.Part> parts = new ArrayList<>();
        for (YearPart part : split(p, t, request.start(), request.end(), request.halfDay(), request.workingDays())) {
            BigDecimal floor = null;
            if (t.limited()) {
                Balance b = compute(employee, p, t, part.year, part.from, entries, List.of());
                floor = b.entitlement().add(b.carriedOver()).subtract(b.carryExpired()).add(t.negativeLimit()).negate();
            }
            parts.add(new Deduction.Part(part.year, part.amount, part.from, floor));
            entries.add(provisional(employee, t, request.id(), part));
        }
        return new Deduction(employee, t.type(), parts);
    }

    /**
     * A request's part as if it were taken, for the parts after it: over New Year, the next year's carry-over is
     * what this part leaves.
     */
    private LedgerEntry provisional(Person employee, TypePolicy t, String requestId, YearPart part) {
        return new LedgerEntry(LedgerEntry.takenId(requestId, part.year), employee, t.type(), part.year, Kind.TAKEN,
                part.amount.negate(), requestId, part.from, clock.instant(), null, null);
    }

    /** {@code days} of leave in the type's unit: days, or the person's hours for them. */
    public static BigDecimal amount(PersonPolicy person, TypePolicy type, double days) {
        BigDecimal d = BigDecimal.valueOf(days);
        return (type.unit() == Unit.HOURS ? d.multiply(person.hoursPerDay()) : d).setScale(2, RoundingMode.HALF_UP);
    }

    private record YearPart(int year, LocalDate from, BigDecimal amount) {
    }

    /**
     * The request's days per leave year. With one part and {@code counted} given, the part is {@code counted} (the
     * length the request was made with, which the approver saw).
     */
    private List<YearPart> split(PersonPolicy p, TypePolicy t, LocalDate start, LocalDate end, boolean halfDay, Double counted) {
        WorkingCalendar calendar = new WorkingCalendar(p.week(), holidays, p.country(), p.region(), policies.companyDaysOff());
        List<YearPart> parts = new ArrayList<>();
        for (LocalDate from = start; !from.isAfter(end); ) {
            int year = t.year().of(from);
            LocalDate to = end.isAfter(t.year().lastDay(year)) ? t.year().lastDay(year) : end;
            parts.add(new YearPart(year, from, amount(p, t, calendar.length(from, to, halfDay))));
            from = to.plusDays(1);
        }
        if (parts.size() == 1 && counted != null) {
            YearPart only = parts.get(0);
            return List.of(new YearPart(only.year, only.from, amount(p, t, counted)));
        }
        return parts;
    }

    private Balance compute(Person person, PersonPolicy p, TypePolicy t, int year, LocalDate asOf, List<LedgerEntry> all,
            List<LeaveRequest> pendingRequests) {
        List<LedgerEntry> entries = all.stream().filter(e -> e.type().equals(t.type())).toList();
        LocalDate first = t.year().firstDay(year);
        LocalDate last = t.year().lastDay(year);
        List<Line> lines = new ArrayList<>();

        BigDecimal entitlement = BigDecimal.ZERO;
        BigDecimal yearTotal = BigDecimal.ZERO;
        LocalDate joined = p.startDate();
        if (t.kind() == TypePolicy.Kind.ANNUAL && (joined == null || !joined.isAfter(last))) {
            entitlement = t.allowance();
            LocalDate grantedOn = first;
            if (t.proRate() && joined != null && joined.isAfter(first)) {
                BigDecimal share = BigDecimal.valueOf(ChronoUnit.DAYS.between(joined, last) + 1)
                        .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(first, last) + 1), 10, RoundingMode.HALF_UP);
                entitlement = roundUp(t.allowance().multiply(share), t.unit());
                grantedOn = joined;
            }
            yearTotal = entitlement;
            lines.add(new Line(grantedOn, Line.Kind.GRANTED, entitlement, null, null));
        } else if (t.kind() == TypePolicy.Kind.ACCRUAL) {
            for (LocalDate period : periods(t, first, last)) {
                if (joined != null && period.isBefore(joined)) {
                    continue;
                }
                yearTotal = yearTotal.add(t.accrual().amount());
                if (!period.isAfter(asOf)) {
                    entitlement = entitlement.add(t.accrual().amount());
                    lines.add(new Line(period, Line.Kind.ACCRUED, t.accrual().amount(), null, null));
                }
            }
        }

        BigDecimal carried = BigDecimal.ZERO;
        if (t.limited() && year > firstCounted(p, t, entries)) {
            BigDecimal left = compute(person, p, t, year - 1, t.year().lastDay(year - 1), all, List.of()).remaining();
            carried = left.signum() < 0 ? left : left.min(t.carryOver().cap());
            if (carried.signum() != 0) {
                lines.add(new Line(first, Line.Kind.CARRIED_OVER, carried, null, t.year().name(year - 1)));
            }
        }

        List<LedgerEntry> ofYear = entries.stream().filter(e -> e.leaveYear() == year).toList();
        BigDecimal taken = BigDecimal.ZERO;
        BigDecimal adjusted = BigDecimal.ZERO;
        for (LedgerEntry e : ofYear) {
            if (e.kind() == Kind.ADJUSTMENT) {
                adjusted = adjusted.add(e.amount());
            } else {
                taken = taken.subtract(e.amount());
            }
            Line.Kind kind = switch (e.kind()) {
                case TAKEN -> Line.Kind.TAKEN;
                case REFUND -> Line.Kind.REFUNDED;
                case ADJUSTMENT -> Line.Kind.ADJUSTED;
            };
            LocalDate on = e.leaveStart() != null ? e.leaveStart() : LocalDate.ofInstant(e.at(), clock.getZone());
            lines.add(new Line(on, kind, e.amount(), e.requestId(), e.reason()));
        }

        LocalDate expires = null;
        BigDecimal expired = BigDecimal.ZERO;
        if (carried.signum() > 0 && t.carryOver().expires() != null) {
            expires = onOrAfter(t.carryOver().expires(), first);
            if (asOf.isAfter(expires)) {
                LocalDate until = expires;
                BigDecimal usedInTime = ofYear.stream().filter(e -> e.kind() != Kind.ADJUSTMENT && e.leaveStart() != null && !e.leaveStart().isAfter(until))
                        .map(LedgerEntry::amount).reduce(BigDecimal.ZERO, BigDecimal::add).negate();
                expired = carried.subtract(usedInTime.max(BigDecimal.ZERO)).max(BigDecimal.ZERO);
                if (expired.signum() > 0) {
                    lines.add(new Line(expires.plusDays(1), Line.Kind.CARRY_OVER_EXPIRED, expired.negate(), null, null));
                }
            }
        }

        BigDecimal pending = BigDecimal.ZERO;
        for (LeaveRequest r : pendingRequests) {
            if (r.type().equals(t.type())) {
                for (YearPart part : split(p, t, r.start(), r.end(), r.halfDay(), r.workingDays())) {
                    if (part.year == year) {
                        pending = pending.add(part.amount);
                    }
                }
            }
        }
        lines.sort(Comparator.comparing(Line::on));
        return new Balance(t.type(), t.unit(), t.limited(), year, t.year().name(year), first, last, entitlement, yearTotal,
                carried, expires, expired, adjusted, taken, pending, t.negativeLimit(), lines);
    }

    /** The first leave year counted for this person and type (see the class comment). */
    private int firstCounted(PersonPolicy p, TypePolicy t, List<LedgerEntry> entries) {
        Integer from = policies.balancesFrom() == null ? null : t.year().of(policies.balancesFrom());
        Integer joined = p.startDate() == null ? null : t.year().of(p.startDate());
        if (from != null || joined != null) {
            return Math.max(from == null ? Integer.MIN_VALUE : from, joined == null ? Integer.MIN_VALUE : joined);
        }
        return entries.stream().mapToInt(LedgerEntry::leaveYear).min().orElse(Integer.MAX_VALUE);
    }

    /** The days the accrual periods of a leave year start on. */
    private static List<LocalDate> periods(TypePolicy t, LocalDate first, LocalDate last) {
        List<LocalDate> starts = new ArrayList<>();
        TypePolicy.Accrual a = t.accrual();
        if (a.monthly()) {
            for (LocalDate d = first; !d.isAfter(last); d = d.plus(a.every())) {
                starts.add(d);
            }
            return starts;
        }
        int every = a.every().getDays();
        long offset = Math.floorMod(ChronoUnit.DAYS.between(a.from(), first), every);
        for (LocalDate d = offset == 0 ? first : first.plusDays(every - offset); !d.isAfter(last); d = d.plusDays(every)) {
            if (!d.isBefore(a.from())) {
                starts.add(d);
            }
        }
        return starts;
    }

    private List<LeaveRequest> pending(Person person, String except) {
        return requestsOf.apply(person).stream()
                .filter(r -> r.status() == LeaveStatus.PENDING && !r.id().equals(except)).toList();
    }

    private static LocalDate onOrAfter(MonthDay day, LocalDate from) {
        LocalDate d = day.atYear(from.getYear());
        return d.isBefore(from) ? day.atYear(from.getYear() + 1) : d;
    }

    private static BigDecimal roundUp(BigDecimal value, Unit unit) {
        return unit == Unit.HOURS ? value.setScale(0, RoundingMode.CEILING).setScale(2)
                : value.divide(HALF, 0, RoundingMode.CEILING).multiply(HALF).setScale(2);
    }

    /** annual first, then the policy's other types by name. */
    private int typeOrder(String a, String b) {
        return a.equals("annual") != b.equals("annual") ? (a.equals("annual") ? -1 : 1) : a.compareTo(b);
    }
}
