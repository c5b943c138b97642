package io.leavebot.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.balance.PersonPolicy;
import io.leavebot.balance.TypePolicy;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
import io.leavebot.workflow.LeaveRequests;
import io.leavebot.workflow.LeaveRequests.Adjusted;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The part of the JSON API ({@link LeaveApi}, which authenticates and answers errors) about balances, under
 * {@value AwayApi#PATH}{@code /{email}}:
 * <ul>
 *   <li>{@code GET …/balances} answers {@code {"email", "as_of", "balances": [...]}}: every tracked type in the
 *   leave year of today, with its unit, leave year, allowance (or what has accrued), carry-over with its expiry and
 *   what of it expired, adjustments, leave taken and pending, what remains and what is available, and the ledger
 *   lines it is made of.</li>
 *   <li>{@code POST …/adjustments} with {@code {"type", "amount", "reason", "key", "by"}} adds {@code amount} (in
 *   the type's unit; negative takes away) to the balance of the leave year of today: 201 with the adjustment and
 *   the balance after it. {@code by} is the e-mail address of the admin who makes it (one of LEAVEBOT_ADMINS), for
 *   the audit; 403 for anyone else. {@code key} (1 to 40 letters, digits, '-' or '_') makes it idempotent: the same
 *   key again answers the adjustment made first, and with a different adjustment, 409.</li>
 * </ul>
 * Amounts are JSON numbers in the type's unit ({@code "days"} or {@code "hours"}), with as few decimals as they need.
 */
final class BalanceApi {
    /** The routes after {@value AwayApi#PATH}{@code /{email}/} that this part answers. */
    static final String BALANCES = "balances";
    static final String ADJUSTMENTS = "adjustments";
    static final String TYPE = "type";
    static final String AMOUNT = "amount";
    static final String REASON = "reason";
    static final String KEY = "key";
    static final String BY = "by";
    /** Longest reason accepted, in characters: as a leave request's. */
    private static final int MAX_REASON = 500;
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final String EXAMPLE = "{\"type\": \"annual\", \"amount\": 2, \"reason\": \"Overtime in March\", "
            + "\"key\": \"overtime-2027-03\", \"by\": \"admin@example.com\"}";

    private static final String JSON = "application/json; charset=utf-8";

    private final LeaveRequests leaves;

    BalanceApi(LeaveRequests leaves) {
        this.leaves = leaves;
    }

    /** Whether the path after {@value AwayApi#PATH}{@code /} is one of this part's. */
    static boolean handles(String[] under) {
        return under.length == 2 && (under[1].equals(BALANCES) || under[1].equals(ADJUSTMENTS));
    }

    /** @param under the path after {@value AwayApi#PATH}{@code /}, split at each {@code /} */
    void handle(Exchange ex, String[] under, byte[] jsonBody) {
        Person person = person(under[0]);
        boolean adjustments = under[1].equals(ADJUSTMENTS);
        if (!ex.method().equals(adjustments ? "POST" : "GET")) {
            throw HttpProblem.methodNotAllowed(adjustments ? "POST" : "GET");
        }
        if (adjustments) {
            adjust(ex, person, SubmissionJson.object(jsonBody, EXAMPLE));
        } else {
            ex.respond(200, JSON, ApiAnswers.write(balances(person)), Map.of());
        }
    }

    private void adjust(Exchange ex, Person person, JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        String type = required(body, TYPE, "Please name the leave type in \"type\", for example \"annual\".", errors);
        BigDecimal amount = amount(body, errors);
        String reason = required(body, REASON, "Please say why in \"reason\": it is kept with the adjustment.", errors);
        if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
            errors.put(REASON, "\"reason\" is longer than " + MAX_REASON + " characters.");
        }
        String key = required(body, KEY, "Please give a \"key\" that names this adjustment (1 to 40 letters, digits, '-' "
                + "or '_'): sent again with the same key, it is made once.", errors);
        if (key != null && !KEY_SHAPE.matcher(key).matches()) {
            errors.put(KEY, "\"key\" must be 1 to 40 letters, digits, '-' or '_'.");
        }
        String by = required(body, BY, "Please give the e-mail address of the admin who makes this adjustment in \"by\".", errors);
        if (by != null) {
            EmailAddresses.problem(by).ifPresent(problem -> errors.put(BY, "\"by\" " + problem + "."));
        }
        if (!errors.isEmpty()) {
            throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention("The adjustment", errors), errors);
        }
        // in the API's namespace, as its request ids are: another front end's keys cannot meet these
        Adjusted adjusted = leaves.adjust(person, type.strip(), amount, reason.strip(), Person.ofEmail(by, null), "api-" + key);
        switch (adjusted.result()) {
            case ACCEPTED -> adjusted(ex, person, adjusted.entry(), type.strip(), amount);
            case NOT_ALLOWED -> throw new HttpProblem(403, by + " is not one of LeaveBot's admins (LEAVEBOT_ADMINS), who "
                    + "adjust balances. Nothing was changed.");
            case UNKNOWN_TYPE -> {
                Map<String, String> unknown = Map.of(TYPE, "LeaveBot keeps no balance of \"" + type + "\" for "
                        + person.email() + " to adjust; GET " + AwayApi.PATH + "/" + person.email() + "/" + BALANCES
                        + " shows the types it keeps.");
                throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention("The adjustment", unknown), unknown);
            }
        }
    }

    /** 201 with the adjustment and the balance after it; 409 when the key was used for another adjustment. */
    private void adjusted(Exchange ex, Person person, LedgerEntry entry, String type, BigDecimal amount) {
        if (!entry.type().equals(type) || entry.amount().compareTo(amount) != 0 || !entry.person().isSameAs(person)) {
            throw new HttpProblem(409, "This key was already used for a different adjustment. Nothing was changed; please "
                    + "use a new key for a new adjustment.", Map.of(KEY, "already used for another adjustment"), Map.of());
        }
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("id", entry.id());
        body.put(TYPE, entry.type());
        number(body, AMOUNT, entry.amount());
        body.put(REASON, entry.reason());
        body.put(BY, entry.by() == null ? null : entry.by().email());
        body.put("at", entry.at().toString());
        Balances balances = leaves.balances();
        balances.of(person, entry.type(), balances.today()).ifPresent(b -> body.set("balance",
                balance(b, balances.policyOf(person).type(b.type()).map(TypePolicy::kind).orElse(TypePolicy.Kind.UNLIMITED))));
        ex.respond(201, JSON, ApiAnswers.write(body), Map.of());
    }

    private static String required(JsonNode body, String field, String missing, Map<String, String> errors) {
        String text = SubmissionJson.text(body, field, errors);
        if (text == null && !errors.containsKey(field)) {
            errors.put(field, missing);
        }
        return text;
    }

    private static BigDecimal amount(JsonNode body, Map<String, String> errors) {
        JsonNode node = body.get(AMOUNT);
        if (node == null || node.isNull()) {
            errors.put(AMOUNT, "Please give the days (or hours) to add in \"amount\", e.g. 2 or -0.5 to take away.");
            return null;
        }
        if (!node.isNumber()) {
            errors.put(AMOUNT, "\"amount\" must be a number (without quotes), e.g. 2 or -0.5.");
            return null;
        }
        BigDecimal amount = node.decimalValue();
        if (amount.signum() == 0 || amount.abs().compareTo(new BigDecimal("10000")) >= 0 || amount.stripTrailingZeros().scale() > 2) {
            errors.put(AMOUNT, "\"amount\" must be a number of days or hours other than 0, with at most two decimals.");
            return null;
        }
        return amount;
    }

    private ObjectNode balances(Person person) {
        Balances balances = leaves.balances();
        PersonPolicy policy = balances.policyOf(person);
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("email", person.email());
        body.put("as_of", balances.today().toString());
        ArrayNode list = body.putArray("balances");
        for (Balance b : balances.all(person)) {
            list.add(balance(b, policy.type(b.type()).map(TypePolicy::kind).orElse(TypePolicy.Kind.UNLIMITED)));
        }
        return body;
    }

    static ObjectNode balance(Balance b, TypePolicy.Kind kind) {
        ObjectNode node = SubmissionJson.JSON.createObjectNode();
        node.put("type", b.type());
        node.put("kind", kind.name().toLowerCase(Locale.ROOT));
        node.put("unit", b.unit().name().toLowerCase(Locale.ROOT));
        node.put("limited", b.limited());
        node.put("leave_year", b.yearName());
        node.put("first_day", b.firstDay().toString());
        node.put("last_day", b.lastDay().toString());
        if (kind == TypePolicy.Kind.ANNUAL) {
            number(node, "allowance", b.entitlement());
        } else if (kind == TypePolicy.Kind.ACCRUAL) {
            number(node, "accrued", b.entitlement());
            number(node, "accrues_in_year", b.yearTotal());
        }
        number(node, "carried_over", b.carriedOver());
        date(node, "carry_over_expires", b.carryExpires());
        number(node, "carry_over_expired", b.carryExpired());
        number(node, "adjusted", b.adjusted());
        number(node, "taken", b.taken());
        number(node, "pending", b.pending());
        if (b.limited()) {
            number(node, "total", b.total());
            number(node, "remaining", b.remaining());
            number(node, "available", b.available());
            number(node, "negative_limit", b.negativeLimit());
        }
        node.put("summary", BalanceWording.summary(b));
        ArrayNode ledger = node.putArray("ledger");
        for (Balance.Line line : b.lines()) {
            ObjectNode l = ledger.addObject();
            l.put("on", line.on().toString());
            l.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            number(l, "amount", line.amount());
            l.put("request_id", line.requestId());
            l.put("note", line.note());
        }
        return node;
    }

    /** 25, 0.5, -2: as few decimals as the amount needs. */
    static void number(ObjectNode node, String name, BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() <= 0) {
            node.put(name, plain.longValueExact());
        } else {
            node.put(name, plain);
        }
    }

    private static void date(ObjectNode node, String name, LocalDate day) {
        node.put(name, day == null ? null : day.toString());
    }

    /** The person the path names by e-mail address. */
    static Person person(String email) {
        if (email.isEmpty() || EmailAddresses.problem(email).isPresent()) {
            throw HttpProblem.notFound("People are named by e-mail address in this path, and \"" + email + "\" is not "
                    + "one. Please use " + AwayApi.PATH + "/name@example.com/" + BALANCES + ".");
        }
        return Person.ofEmail(email, null);
    }
}
