package io.leavebot.notify;

import io.leavebot.balance.Balance;
import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.Balances.Preview;
import io.leavebot.balance.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How every channel states a balance, so Slack, Teams, the workspace, e-mail and the validator's field errors say
 * the same thing: "18 of 25 days left", "0.5 days", "7.5 hours", "−2 days" (with a real minus sign), an unlimited
 * type as "4 days of sick leave taken in 2027", and what a request would do to a balance. Amounts are shown with as
 * few decimals as they need. The field error and the warning of a request beyond the balance are the validator's
 * ({@code LeaveValidator.beyondBalance}, {@code belowZero}), which the request forms show as well.
 */
public final class BalanceWording {
    /** U+2212: a hyphen reads as a dash in most fonts, and screen readers say "minus" only for this one. */
    private static final String MINUS = "\u2212";

    private BalanceWording() {
    }

    /** "5", "0.5", "7.5", "−2": a number of days or hours, without the unit. */
    public static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        String digits = (plain.scale() < 0 ? plain.setScale(0) : plain).abs().toPlainString();
        return value.signum() < 0 ? MINUS + digits : digits;
    }

    /** "1 day", "0.5 days", "7.5 hours", "−2 days". */
    public static String amount(BigDecimal value, Unit unit) {
        boolean one = value.abs().compareTo(BigDecimal.ONE) == 0;
        String word = unit == Unit.HOURS ? (one ? "hour" : "hours") : (one ? "day" : "days");
        return number(value) + " " + word;
    }

    /** "annual leave", "sick leave": a type that already says "leave" is kept as it is. */
    public static String typePhrase(String type) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? "leave" : t.endsWith("leave") ? t : t + " leave";
    }

    /** "18 of 25 days left" (after approved leave); for an unlimited type "4 days taken". */
    public static String left(Balance balance) {
        return balance.limited() ? number(balance.remaining()) + " of " + amount(balance.total(), balance.unit()) + " left"
                : amount(balance.taken(), balance.unit()) + " taken";
    }

    /** "18 of 25 days of annual leave left in 2027"; for an unlimited type "4 days of sick leave taken in 2027". */
    public static String summary(Balance balance) {
        return balance.limited() ? leftOf(balance.remaining(), balance.total(), balance.unit(), balance.type()) + " in " + balance.yearName()
                : takenOf(balance.taken(), balance.unit(), balance.type()) + " in " + balance.yearName();
    }

    /**
     * The extra facts of a balance beyond {@link #summary}, each a short sentence: what is waiting for approval, what
     * was carried over and until when it can be used (or that it expired), adjustments.
     */
    public static List<String> particulars(Balance balance) {
        List<String> facts = new ArrayList<>();
        Unit unit = balance.unit();
        if (balance.pending().signum() > 0) {
            facts.add(amount(balance.pending(), unit) + " waiting for approval"
                    + (balance.limited() ? ", " + number(balance.available()) + " left after them" : ""));
        }
        if (balance.carriedOver().signum() > 0) {
            String carried = amount(balance.carriedOver(), unit) + " carried over from the year before";
            if (balance.carryExpired().signum() > 0) {
                carried += "; " + number(balance.carryExpired()) + " of them expired after " + LeaveWording.day(balance.carryExpires());
            } else if (balance.carryExpires() != null) {
                carried += ", to be used by " + LeaveWording.day(balance.carryExpires());
            }
            facts.add(carried);
        } else if (balance.carriedOver().signum() < 0) {
            facts.add(amount(balance.carriedOver().negate(), unit) + " taken in advance last year");
        }
        if (balance.adjusted().signum() != 0) {
            facts.add((balance.adjusted().signum() > 0 ? "+" : "") + amount(balance.adjusted(), unit) + " adjusted by an admin");
        }
        return facts;
    }

    /**
     * What the request form says about the chosen type and days: "You have 18 of 25 days of annual leave left in
     * 2027; this request takes 5, leaving 13." (one sentence per leave year the request falls in); for an unlimited
     * type "You have taken 4 days of sick leave in 2027; this request takes 2 more."
     */
    public static String preview(Preview preview) {
        return preview.parts().stream().map(BalanceWording::previewOf).collect(Collectors.joining(" "));
    }

    private static String previewOf(Preview.Part part) {
        Balance b = part.before();
        if (!b.limited()) {
            return "You have taken " + amount(b.taken().add(b.pending()), b.unit()) + " of " + typePhrase(b.type()) + " in "
                    + b.yearName() + "; this request takes " + number(part.amount()) + " more.";
        }
        String waiting = b.pending().signum() > 0 ? " (after " + amount(b.pending(), b.unit()) + " waiting for approval)" : "";
        return "You have " + leftOf(b.available(), b.total(), b.unit(), b.type()) + " in " + b.yearName() + waiting
                + "; this request takes " + number(part.amount()) + ", leaving " + number(part.after()) + ".";
    }

    /** To an approver: "Sam will have 7 of 25 days of annual leave left in 2027", "Sam will have taken 4 days of sick leave in 2027". */
    public static String willHave(String employee, BalanceNote note) {
        return note.limited() ? employee + " will have " + leftOf(note.left(), note.total(), note.unit(), note.type()) + " in " + note.yearName()
                : employee + " will have taken " + amount(note.taken(), note.unit()) + " of " + typePhrase(note.type()) + " in " + note.yearName();
    }

    /** To the employee, while the request waits: "You will have 7 of 25 days of annual leave left in 2027 once it is approved". */
    public static String youWillHave(BalanceNote note) {
        return (note.limited() ? "You will have " + leftOf(note.left(), note.total(), note.unit(), note.type())
                : "You will have taken " + amount(note.taken(), note.unit()) + " of " + typePhrase(note.type()))
                + " in " + note.yearName() + " once it is approved";
    }

    /** To the employee, once decided: "You have 7 of 25 days of annual leave left in 2027", or "You have taken 4 days of sick leave in 2027". */
    public static String youHave(BalanceNote note) {
        return note.limited() ? "You have " + leftOf(note.left(), note.total(), note.unit(), note.type()) + " in " + note.yearName()
                : "You have taken " + amount(note.taken(), note.unit()) + " of " + typePhrase(note.type()) + " in " + note.yearName();
    }

    /** About someone else, once decided: "Sam has 7 of 25 days of annual leave left in 2027", "Sam has taken 4 days…". */
    public static String has(String employee, BalanceNote note) {
        return note.limited() ? employee + " has " + leftOf(note.left(), note.total(), note.unit(), note.type()) + " in " + note.yearName()
                : employee + " has taken " + amount(note.taken(), note.unit()) + " of " + typePhrase(note.type()) + " in " + note.yearName();
    }

    /** "Thu 1 Apr 2027: Good Friday", as the next days off of someone's calendar are listed. */
    public static String dayOff(LocalDate day, String name) {
        return LeaveWording.day(day) + ": " + name;
    }

    private static String leftOf(BigDecimal left, BigDecimal total, Unit unit, String type) {
        return number(left) + " of " + amount(total, unit) + " of " + typePhrase(type) + " left";
    }

    private static String takenOf(BigDecimal taken, Unit unit, String type) {
        return amount(taken, unit) + " of " + typePhrase(type) + " taken";
    }
}
