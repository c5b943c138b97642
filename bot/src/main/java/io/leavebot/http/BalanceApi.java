package io.leavebot.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.balance.Balance;
import io.leavebot.balance.Balances;
import io.leavebot.balance.PersonPolicy;
import io.leavebot.balance.TypePolicy;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.Person;
import io.leavebot.notify.BalanceWording;
import io.leavebot.workflow.LeaveRequests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The part of the JSON API ({@link LeaveApi}, which authenticates and answers errors) about balances, under
 * {@value AwayApi#PATH}{@code /{email}}:
 * <ul>
 *   <li>{@code GET …/balances} answers {@code {"email", "as_of", "balances": [...]}}: every tracked type in the
 *   leave year of today, with its unit, leave year, allowance (or what has accrued), carry-over with its expiry and
 *   what of it expired, adjustments, leave taken and pending, what remains and what is available, and the ledger
 *   lines it is made of.</li>
 * </ul>
 * Amounts are JSON numbers in the type's unit ({@code "days"} or {@code "hours"}), with as few decimals as they need.
 */
final class BalanceApi {
    /** The routes after {@value AwayApi#PATH}{@code /{email}/} that this part answers. */
    static final String BALANCES = "balances";

    private static final String JSON = "application/json; charset=utf-8";

    private final LeaveRequests leaves;

    BalanceApi(LeaveRequests leaves) {
        this.leaves = leaves;
    }

    /** Whether the path after {@value AwayApi#PATH}{@code /} is one of this part's. */
    static boolean handles(String[] under) {
        return under.length == 2 && under[1].equals(BALANCES);
    }

    /** @param under the path after {@value AwayApi#PATH}{@code /}, split at each {@code /} */
    void handle(Exchange ex, String[] under) {
        Person person = person(under[0]);
        if (!ex.method().equals("GET")) {
            throw HttpProblem.methodNotAllowed("GET");
        }
        ex.respond(200, JSON, ApiAnswers.write(balances(person)), Map.of());
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
