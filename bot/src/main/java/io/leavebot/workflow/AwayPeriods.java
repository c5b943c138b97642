package io.leavebot.workflow;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.Person;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Approvers' away periods and stand-ins, as every front end (Slack, App Home, Teams, the API) offers them: declare
 * a period, cancel it, list one's own, name a standing stand-in; and, for the workflow, who decides for an approver
 * on a day ({@link #actingFor}). Bad input is answered with every field error at once and changes nothing. After
 * each change, {@code onChange} hears whose calendar changed, so waiting requests can be asked again.
 */
public final class AwayPeriods implements StandIns {
    /** Field names of {@link Result#errors()}. */
    public static final String APPROVER = "approver";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String STAND_IN = "standIn";
    /** Longest period one declaration may cover, in calendar days. */
    public static final int LONGEST = 366;
    /** How many stand-ins of stand-ins {@link #actingFor} follows (A away → B, B away → C, …). */
    static final int MOST_HOPS = 3;

    /**
     * What a change came to: saved (for a declaration, the period as kept), or the field errors and nothing changed.
     */
    public record Result(AwayPeriod period, Map<String, String> errors) {
        public Result {
            errors = Map.copyOf(errors);
        }

        public boolean saved() {
            return errors.isEmpty();
        }
    }

    private final AwayCalendar calendar;
    private final LeaveStore leaves;
    private final Clock clock;
    private final Consumer<Person> onChange;

    /**
     * @param clock    now, for the save time; its zone decides which day is today
     * @param onChange told the approver after every change that was made
     */
    public AwayPeriods(AwayCalendar calendar, LeaveStore leaves, Clock clock, Consumer<Person> onChange) {
        this.calendar = calendar;
        this.leaves = leaves;
        this.clock = clock;
        this.onChange = onChange;
    }

    /** Saves the period, replacing the approver's periods it overlaps; the same declaration again changes nothing. */
    public Result declare(Person approver, LocalDate from, LocalDate to, Person standIn) {
        Map<String, String> errors = check(approver, from, to, standIn);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        AwayPeriod kept = calendar.save(new AwayPeriod(approver, from, to, standIn, clock.instant()));
        onChange.accept(approver);
        return new Result(kept, Map.of());
    }

    /** Removes the approver's period starting on {@code from}; false if there is none. */
    public boolean cancel(Person approver, LocalDate from) {
        boolean removed = calendar.cancel(approver, from);
        if (removed) {
            onChange.accept(approver);
        }
        return removed;
    }

    /** The approver's periods that have not ended before today, by first day. */
    public List<AwayPeriod> list(Person approver) {
        return calendar.periodsOf(approver, today());
    }

    /** The approver's standing stand-in, who decides while they are on approved leave without a declared period. */
    public Optional<Person> standIn(Person approver) {
        return calendar.standInOf(approver);
    }

    /** Names the standing stand-in, or nobody ({@code null}). */
    public Result setStandIn(Person approver, Person standIn) {
        Map<String, String> errors = new LinkedHashMap<>();
        checkApprover(approver, errors);
        if (standIn != null) {
            checkStandIn(approver, standIn, errors);
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        calendar.setStandIn(approver, standIn);
        onChange.accept(approver);
        return new Result(null, Map.of());
    }

    /**
     * Who decides for {@code approver} on {@code day}: the stand-in of a declared period covering the day; else,
     * when the approver has APPROVED leave that day and a standing stand-in, that one; else nobody. When the stand-in
     * is away too, theirs is followed, at most {@value #MOST_HOPS} hops and never back to someone already on the
     * way: the answer is the last person reached (so A → B → A answers B).
     */
    @Override
    public Optional<Person> actingFor(Person approver, LocalDate day) {
        Set<String> reached = new HashSet<>(Set.of(approver.key()));
        Optional<Person> acting = Optional.empty();
        Person current = approver;
        for (int hop = 0; hop < MOST_HOPS; hop++) {
            Optional<Person> next = directStandIn(current, day);
            if (next.isEmpty() || !reached.add(next.get().key())) {
                break;
            }
            acting = next;
            current = next.get();
        }
        return acting;
    }

    /** The end of the declared period covering the day, else of the approved leave that makes a standing stand-in decide. */
    @Override
    public Optional<LocalDate> awayUntil(Person approver, LocalDate day) {
        Optional<AwayPeriod> declared = calendar.covering(approver, day);
        if (declared.isPresent()) {
            return Optional.of(declared.get().to());
        }
        return leaves.findOverlaps(approver, day, day).stream().filter(leave -> leave.status() == LeaveStatus.APPROVED)
                .map(leave -> leave.end()).max(LocalDate::compareTo);
    }

    private Optional<Person> directStandIn(Person approver, LocalDate day) {
        AwayCalendar.Day away = calendar.on(approver, day);
        if (away.covering() != null) {
            return Optional.of(away.covering().standIn());
        }
        return Optional.ofNullable(away.standIn()).filter(standIn -> leaves.findOverlaps(approver, day, day).stream()
                .anyMatch(leave -> leave.status() == LeaveStatus.APPROVED));
    }

    private Map<String, String> check(Person approver, LocalDate from, LocalDate to, Person standIn) {
        LocalDate today = today();
        Map<String, String> errors = new LinkedHashMap<>();
        checkApprover(approver, errors);
        if (from == null) {
            errors.put(FROM, "Please give the first day you are away, for example " + today.plusDays(7) + ".");
        } else if (from.isBefore(today)) {
            errors.put(FROM, "The first day you are away, " + from + ", is in the past. Please give today (" + today
                    + ") or a later day.");
        }
        if (to == null) {
            errors.put(TO, "Please give the last day you are away (the same day for a single day).");
        } else if (from != null && to.isBefore(from)) {
            errors.put(TO, "The last day you are away (" + to + ") is before the first (" + from + "). Please give a "
                    + "last day on or after the first.");
        } else if (from != null && ChronoUnit.DAYS.between(from, to) + 1 > LONGEST) {
            errors.put(TO, "This period covers " + (ChronoUnit.DAYS.between(from, to) + 1) + " days; the most one "
                    + "period may cover is " + LONGEST + ". Please declare a shorter one, and another later.");
        }
        if (standIn == null) {
            errors.put(STAND_IN, "Please name your stand-in: the person who decides for you while you are away.");
        } else {
            checkStandIn(approver, standIn, errors);
        }
        return errors;
    }

    private static void checkApprover(Person approver, Map<String, String> errors) {
        if (approver == null || approver.email() == null) {
            errors.put(APPROVER, "LeaveBot knows approvers by their e-mail address, and it cannot see yours, so it "
                    + "cannot keep this for you. Please ask whoever runs LeaveBot to check that your account has one.");
        }
    }

    private static void checkStandIn(Person approver, Person standIn, Map<String, String> errors) {
        if (standIn.isSameAs(approver)) {
            errors.put(STAND_IN, "You cannot stand in for yourself. Please name someone else.");
        } else if (standIn.email() == null) {
            errors.put(STAND_IN, "LeaveBot cannot see an e-mail address for " + standIn.name() + ", so it could not "
                    + "ask them. Please name someone else, or ask whoever runs LeaveBot to check their account.");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
