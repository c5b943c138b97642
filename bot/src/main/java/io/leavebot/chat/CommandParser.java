package io.leavebot.chat;

import io.leavebot.leave.LeavePolicy;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.LeaveValidator.ParsedDate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what people type after {@code /leave} in Slack (the Teams bot will take the same text after {@code leave}):
 * <pre>
 *   (nothing)                      open the request form
 *   [TYPE] DAY [[to] DAY] [reason] ask for leave: DAY is YYYY-MM-DD, today or tomorrow; one DAY is a single day
 *   list                           my requests and where they stand
 *   cancel ID                      withdraw my request ID while it waits, or cancel it once approved, before it starts
 *   balance                        how much leave I have left of each type, and my next days off
 *   away DAY [[to] DAY] STAND-IN   I am away those days; STAND-IN decides for me (a mention or an e-mail address)
 *   away                           my away periods and standing stand-in (so does "standin" alone)
 *   away cancel DAY                cancel my away period starting on DAY
 *   standin STAND-IN | none        who decides while I am on approved leave without an away period
 *   adjust PERSON TYPE AMOUNT WHY  (admins) add AMOUNT (+2, -0.5) to PERSON's balance of TYPE, saying why
 *   connect                        link my Slack account: my status says when I am on leave
 *   disconnect                     forget that link
 *   whosout [DAY]                  who is out on DAY (today when left out) and in the rest of that week
 *   calendar [rotate]              my own and my team's calendar feed links (rotate: new links, the old stop working)
 *   report YYYY-MM | DAY [to] DAY  (admins) a signed download link to the leave report of that month or period
 *   help                           what can be typed
 * </pre>
 * Keywords are read in any case. TYPE is the word before the first DAY; left out, it is the policy's first type
 * ({@code annual} by default). The validator judges it like every other field, so "/leave holiday 2026-01-12" is
 * answered with the types there are. Whatever follows the days is the reason, so "/leave 2026-01-12 sick child" is
 * a day of the default type with the reason "sick child". PERSON is a mention or an e-mail address, as STAND-IN
 * is; the front end resolves both.
 */
public final class CommandParser {
    /** A word that is meant as a date, though perhaps not written as one we read (2026/1/12, 12.01.2026). */
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}");
    /** How date messages name the days of an away period. */
    private static final String FIRST_DAY_AWAY = "first day you are away";
    private static final String LAST_DAY_AWAY = "last day you are away";
    /** An adjustment's amount: a sign (a hyphen, or the minus sign replies print), then days or hours. */
    /** A report's month: 2027-01. */
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern AMOUNT = Pattern.compile("([+\\-\u2212]?)(\\d+(?:\\.\\d+)?)");
    /** How much an adjustment may add or take away, at most, as the JSON API accepts. */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("10000");
    /** Ends every message about an adjustment that cannot be read: the order of its words, by example. */
    private static final String ADJUST_FORM = " Please type the person, the leave type, the amount and why, for example: "
            + "adjust @colleague annual +2 Worked the Saturday of the release.";

    private final LeaveValidator validator;
    private final String defaultType;

    public CommandParser(LeavePolicy policy) {
        this.validator = new LeaveValidator(policy);
        this.defaultType = policy.types().get(0);
    }

    /** @param today the day "today" and "tomorrow" count from, and the examples in messages start from */
    public LeaveCommand parse(String text, LocalDate today) {
        Words words = new Words(text);
        switch (words.peek().toLowerCase(Locale.ROOT)) {
            case "":
                return LeaveCommand.of(LeaveCommand.Kind.FORM);
            case "help":
                return LeaveCommand.of(LeaveCommand.Kind.HELP);
            case "list":
                return LeaveCommand.of(LeaveCommand.Kind.LIST);
            case "cancel":
                words.next();
                return cancel(words);
            case "balance":
            case "balances":
                return LeaveCommand.of(LeaveCommand.Kind.BALANCE);
            case "away":
                words.next();
                return away(words, today);
            case "standin":
            case "stand-in":
                words.next();
                return standIn(words);
            case "adjust":
                words.next();
                return adjust(words);
            case "connect":
                return alone(words, LeaveCommand.Kind.CONNECT);
            case "disconnect":
                return alone(words, LeaveCommand.Kind.DISCONNECT);
            case "whosout":
            case "who's-out":
            case "whoisout":
                words.next();
                return whosOut(words, today);
            case "calendar":
                words.next();
                return calendar(words);
            case "report":
                words.next();
                return report(words, today);
            default:
                return request(words, today);
        }
    }

    /** A keyword that takes nothing after it. */
    private static LeaveCommand alone(Words words, LeaveCommand.Kind kind) {
        String keyword = words.next().toLowerCase(Locale.ROOT);
        if (!words.rest().isEmpty()) {
            return LeaveCommand.unreadable("Please type " + keyword + " alone, with nothing after it.");
        }
        return LeaveCommand.of(kind);
    }

    private static LeaveCommand whosOut(Words words, LocalDate today) {
        if (words.peek().isEmpty()) {
            return LeaveCommand.whosOut(today);
        }
        ParsedDate day = date("day", words.next(), today);
        if (!day.ok() || !words.rest().isEmpty()) {
            return LeaveCommand.unreadable(day.ok() ? "Please give one day and nothing else, for example: whosout "
                    + day.date() + "." : day.error());
        }
        return LeaveCommand.whosOut(day.date());
    }

    private static LeaveCommand calendar(Words words) {
        String word = words.next();
        if (word.isEmpty()) {
            return LeaveCommand.of(LeaveCommand.Kind.CALENDAR);
        }
        if (word.equalsIgnoreCase("rotate") && words.rest().isEmpty()) {
            return LeaveCommand.of(LeaveCommand.Kind.CALENDAR_ROTATE);
        }
        return LeaveCommand.unreadable("Please type calendar alone for your calendar links, "
                + "or calendar rotate for new ones (the old links then stop working).");
    }

    /** {@code report 2027-01} (a month) or {@code report DAY [to] DAY} (a period). */
    private static LeaveCommand report(Words words, LocalDate today) {
        String first = words.peek();
        String example = " For example: report " + YearMonth.from(today).minusMonths(1) + ", or report "
                + today.withDayOfMonth(1) + " to " + today + ".";
        if (MONTH.matcher(first).matches()) {
            words.next();
            if (!words.rest().isEmpty()) {
                return LeaveCommand.unreadable("Please give the month and nothing else." + example);
            }
            try {
                YearMonth month = YearMonth.parse(first);
                return LeaveCommand.report(month.atDay(1), month.atEndOfMonth());
            } catch (DateTimeParseException e) {
                return LeaveCommand.unreadable(first + " is not a month." + example);
            }
        }
        if (first.isEmpty()) {
            return LeaveCommand.unreadable("Please give the report's month or its first and last day." + example);
        }
        ParsedDate from = date("first day of the report", words.next(), today);
        if (!from.ok()) {
            return LeaveCommand.unreadable(from.error());
        }
        ParsedDate to = lastDay(words, from, "last day of the report", today);
        if (!to.ok()) {
            return LeaveCommand.unreadable(to.error());
        }
        if (!words.rest().isEmpty()) {
            return LeaveCommand.unreadable("Please give the report's month or its first and last day, and nothing else." + example);
        }
        if (to.date().isBefore(from.date())) {
            return LeaveCommand.unreadable("The report's last day (" + to.date() + ") is before its first day ("
                    + from.date() + ")." + example);
        }
        return LeaveCommand.report(from.date(), to.date());
    }

    private static LeaveCommand cancel(Words words) {
        String id = words.next();
        if (id.isEmpty() || !words.rest().isEmpty()) {
            return LeaveCommand.unreadable("To withdraw or cancel a request, please give its id and nothing else; "
                    + "the list of your requests shows each id.");
        }
        return LeaveCommand.cancel(id);
    }

    private static LeaveCommand away(Words words, LocalDate today) {
        if (words.peek().isEmpty()) {
            return LeaveCommand.of(LeaveCommand.Kind.AWAY_LIST);
        }
        if (words.peek().equalsIgnoreCase("cancel")) {
            words.next();
            ParsedDate from = date(FIRST_DAY_AWAY, words.next(), today);
            if (!from.ok() || !words.rest().isEmpty()) {
                return LeaveCommand.unreadable(from.ok() ? "To cancel an away period, please give its first day and "
                        + "nothing else, for example: away cancel " + from.date() + "." : from.error());
            }
            return LeaveCommand.awayCancel(from.date());
        }
        ParsedDate from = date(FIRST_DAY_AWAY, words.next(), today);
        if (!from.ok()) {
            return LeaveCommand.unreadable(from.error());
        }
        ParsedDate to = lastDay(words, from, LAST_DAY_AWAY, today);
        if (!to.ok()) {
            return LeaveCommand.unreadable(to.error());
        }
        String standIn = words.rest();
        return LeaveCommand.away(from.date(), to.date(), standIn.isEmpty() ? null : standIn);
    }

    private static LeaveCommand standIn(Words words) {
        String standIn = words.rest();
        if (standIn.isEmpty()) {
            return LeaveCommand.of(LeaveCommand.Kind.AWAY_LIST);
        }
        boolean nobody = standIn.equalsIgnoreCase("none") || standIn.equalsIgnoreCase("nobody");
        return LeaveCommand.standIn(nobody ? null : standIn);
    }

    /** {@code adjust PERSON TYPE AMOUNT WHY}; whether the type has a balance, and PERSON is someone, is judged later. */
    private LeaveCommand adjust(Words words) {
        String person = words.nextPerson();
        String type = words.next();
        String amountWord = words.next();
        String reason = words.rest();
        if (person.isEmpty()) {
            return LeaveCommand.unreadable("To adjust a balance, say whose it is, the leave type, the days to add (or "
                    + "take away, with a minus) and why." + ADJUST_FORM);
        }
        if (type.isEmpty()) {
            return LeaveCommand.unreadable("Please give the leave type, the amount and why after the person." + ADJUST_FORM);
        }
        if (AMOUNT.matcher(type).matches()) {
            return LeaveCommand.unreadable("Please name both the person and the leave type before the amount." + ADJUST_FORM);
        }
        Optional<String> amountProblem = amountProblem(amountWord);
        if (amountProblem.isPresent()) {
            return LeaveCommand.unreadable(amountProblem.get() + ADJUST_FORM);
        }
        if (reason.isEmpty()) {
            return LeaveCommand.unreadable("Please say why after the amount: the reason is kept with the adjustment."
                    + ADJUST_FORM);
        }
        int length = reason.codePointCount(0, reason.length());
        if (length > validator.policy().maxReasonLength()) {
            return LeaveCommand.unreadable("The reason is " + length + " characters long; please keep it to "
                    + validator.policy().maxReasonLength() + " characters or fewer.");
        }
        return LeaveCommand.adjust(person, validator.canonicalType(type).orElse(type), amount(amountWord), reason);
    }

    /** Why {@code word} is no adjustment's amount, worded for whoever typed it; empty when it is one. */
    private static Optional<String> amountProblem(String word) {
        if (word.isEmpty()) {
            return Optional.of("Please give the days to add (such as +2) or to take away (such as -0.5) after the leave type.");
        }
        Matcher amount = AMOUNT.matcher(word);
        if (!amount.matches()) {
            return Optional.of("\"" + word + "\" is not an amount LeaveBot can read: please write a number with a point "
                    + "for decimals, such as +2 or -0.5.");
        }
        BigDecimal value = new BigDecimal(amount.group(2));
        if (value.signum() == 0 || value.compareTo(AMOUNT_LIMIT) >= 0 || value.stripTrailingZeros().scale() > 2) {
            return Optional.of(word + " cannot be an adjustment: please give an amount other than 0, below " + AMOUNT_LIMIT
                    + ", with at most two decimals, such as +2 or -0.5.");
        }
        return Optional.empty();
    }

    /** A word {@link #amountProblem} has no problem with, as a number: negative after a minus. */
    private static BigDecimal amount(String word) {
        Matcher amount = AMOUNT.matcher(word);
        if (!amount.matches()) {
            throw new IllegalArgumentException("not an amount: " + word);
        }
        BigDecimal value = new BigDecimal(amount.group(2));
        return amount.group(1).isEmpty() || amount.group(1).equals("+") ? value : value.negate();
    }

    private LeaveCommand request(Words words, LocalDate today) {
        String type = defaultType;
        if (!isDate(words.peek()) && isDate(words.peekSecond())) {
            type = words.next();
        } else if (!isDate(words.peek()) && validator.canonicalType(words.peek()).isPresent()) {
            return LeaveCommand.unreadable(LeaveValidator.parseDate(LeaveValidator.START, null, today).error());
        }
        ParsedDate start = date(LeaveValidator.START, words.next(), today);
        if (!start.ok()) {
            return LeaveCommand.unreadable(start.error());
        }
        ParsedDate end = lastDay(words, start, LeaveValidator.END, today);
        if (!end.ok()) {
            return LeaveCommand.unreadable(end.error());
        }
        String reason = words.rest();
        return LeaveCommand.request(type, start.date(), end.date(), reason.isEmpty() ? null : reason);
    }

    /** The day after {@code first} ("to DAY" or "DAY"), or {@code first} when no other day follows. */
    private static ParsedDate lastDay(Words words, ParsedDate first, String field, LocalDate today) {
        if (isRangeWord(words.peek()) && isDate(words.peekSecond())) {
            words.next();
        }
        return isDate(words.peek()) ? date(field, words.next(), today) : first;
    }

    private static ParsedDate date(String field, String word, LocalDate today) {
        switch (word.toLowerCase(Locale.ROOT)) {
            case "today":
                return new ParsedDate(today, null);
            case "tomorrow":
                return new ParsedDate(today.plusDays(1), null);
            default:
                return LeaveValidator.parseDate(field, word, today);
        }
    }

    private static boolean isDate(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("today") || w.equals("tomorrow") || DATE_LIKE.matcher(w).matches();
    }

    private static boolean isRangeWord(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.equals("to") || w.equals("until") || w.equals("-") || w.equals("–");
    }

    /** The text as words from the left, keeping the rest (the reason) exactly as typed. */
    private static final class Words {
        private static final Pattern SPACE = Pattern.compile("\\s+");
        private String rest;

        Words(String text) {
            this.rest = text == null ? "" : text.strip();
        }

        String peek() {
            return SPACE.split(rest, 2)[0];
        }

        String peekSecond() {
            String[] parts = SPACE.split(rest, 3);
            return parts.length > 1 ? parts[1] : "";
        }

        String next() {
            String[] parts = SPACE.split(rest, 2);
            rest = parts.length > 1 ? parts[1] : "";
            return parts[0];
        }

        /** The next word, or a whole mention as Slack escapes it ({@code <@U123|Sam Rivera>}) though it holds spaces. */
        String nextPerson() {
            int close = rest.indexOf('>');
            if (!rest.startsWith("<") || close < 0) {
                return next();
            }
            String person = rest.substring(0, close + 1);
            rest = rest.substring(close + 1).strip();
            return person;
        }

        String rest() {
            return rest;
        }
    }
}
