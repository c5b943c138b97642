package io.leavebot.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.EmailAddresses;
import io.leavebot.leave.LeaveValidator;
import io.leavebot.leave.LeaveValidator.ParsedDate;
import io.leavebot.leave.Person;
import io.leavebot.workflow.AwayPeriods;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of the JSON API ({@link LeaveApi}, which authenticates and answers errors) about approvers' away periods
 * and stand-ins, under {@value #PATH}{@code /{email}}:
 * <ul>
 *   <li>{@code GET …/away} answers {@code {"email", "away": [{"from", "to", "stand_in_email", "stand_in_name"}],
 *   "stand_in": {"email", "name"} | null}}: the periods that have not ended, and the standing stand-in;</li>
 *   <li>{@code POST …/away} with {@code {"from", "to", "stand_in_email"}} declares a period (201 with it; it
 *   replaces the person's periods it overlaps, and the same one again answers the same);</li>
 *   <li>{@code DELETE …/away/{from}} cancels the period starting that day: 204, or 404 when there is none;</li>
 *   <li>{@code PUT …/standin} with {@code {"stand_in_email"}} (null for nobody) names the standing stand-in, who
 *   decides while the person is on approved leave: 200 with the answer of {@code GET …/away}.</li>
 * </ul>
 * Bad input is a 400 naming every field, as for leave requests.
 */
final class AwayApi {
    static final String PATH = "/api/people";
    static final String FROM = "from";
    static final String TO = "to";
    static final String STAND_IN_EMAIL = "stand_in_email";
    private static final String JSON = "application/json; charset=utf-8";
    /** The service's field names, as this API's JSON calls them. */
    private static final Map<String, String> JSON_FIELDS = Map.of(AwayPeriods.APPROVER, "email",
            AwayPeriods.FROM, FROM, AwayPeriods.TO, TO, AwayPeriods.STAND_IN, STAND_IN_EMAIL);

    private final AwayPeriods away;
    private final Clock clock;
    private final ZoneId zone;

    AwayApi(AwayPeriods away, Clock clock, ZoneId zone) {
        this.away = away;
        this.clock = clock;
        this.zone = zone;
    }

    /** @param under the path after {@value #PATH}{@code /}, split at each {@code /} */
    void handle(Exchange ex, String[] under, byte[] jsonBody) {
        Person person = person(under[0]);
        if (under.length == 2 && under[1].equals("away")) {
            if (ex.method().equals("POST")) {
                declare(ex, person, SubmissionJson.object(jsonBody, example()));
                return;
            }
            requireMethod(ex, "GET, POST");
            ex.respond(200, JSON, ApiAnswers.write(calendar(person)), Map.of());
        } else if (under.length == 3 && under[1].equals("away")) {
            requireMethod(ex, "DELETE");
            cancel(ex, person, under[2]);
        } else if (under.length == 2 && under[1].equals("standin")) {
            requireMethod(ex, "PUT");
            setStandIn(ex, person, SubmissionJson.object(jsonBody, "{\"" + STAND_IN_EMAIL + "\": \"grace@example.com\"}"));
        } else {
            throw HttpProblem.notFound("There is nothing at this address. For away periods the API offers GET and POST "
                    + PATH + "/{email}/away, DELETE " + PATH + "/{email}/away/{from} and PUT " + PATH + "/{email}/standin.");
        }
    }

    private void declare(Exchange ex, Person person, JsonNode body) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate from = date(body, FROM, "first day away", today, errors);
        LocalDate to = date(body, TO, "last day away", today, errors);
        Person standIn = standIn(body, errors);
        if (standIn == null && !errors.containsKey(STAND_IN_EMAIL)) {
            errors.put(STAND_IN_EMAIL, "Please give the e-mail address of the stand-in in \"" + STAND_IN_EMAIL + "\".");
        }
        if (errors.isEmpty()) {
            AwayPeriods.Result result = away.declare(person, from, to, standIn);
            if (result.saved()) {
                ex.respond(201, JSON, ApiAnswers.write(period(result.period())), Map.of());
                return;
            }
            errors.putAll(inJsonFields(result.errors()));
        }
        throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention("The away period", errors), errors);
    }

    private void cancel(Exchange ex, Person person, String fromText) {
        ParsedDate from = LeaveValidator.parseDate("first day away", fromText, LocalDate.ofInstant(clock.instant(), zone));
        if (!from.ok() || !away.cancel(person, from.date())) {
            throw HttpProblem.notFound(person.email() + " has no away period starting on " + fromText + ". Nothing "
                    + "was changed; GET " + PATH + "/{email}/away lists the periods and their first days.");
        }
        ex.respond(204, JSON, "", Map.of());
    }

    private void setStandIn(Exchange ex, Person person, JsonNode body) {
        Map<String, String> errors = new LinkedHashMap<>();
        Person standIn = standIn(body, errors);
        if (errors.isEmpty()) {
            AwayPeriods.Result result = away.setStandIn(person, standIn);
            if (result.saved()) {
                ex.respond(200, JSON, ApiAnswers.write(calendar(person)), Map.of());
                return;
            }
            errors.putAll(inJsonFields(result.errors()));
        }
        throw HttpProblem.badRequest(ApiAnswers.fieldsNeedAttention("The stand-in", errors), errors);
    }

    private ObjectNode calendar(Person person) {
        ObjectNode body = SubmissionJson.JSON.createObjectNode();
        body.put("email", person.email());
        List<AwayPeriod> periods = away.list(person);
        periods.forEach(p -> body.withArray("away").add(period(p)));
        if (periods.isEmpty()) {
            body.putArray("away");
        }
        Optional<Person> standing = away.standIn(person);
        standing.ifPresentOrElse(p -> body.set("stand_in", who(p)), () -> body.putNull("stand_in"));
        return body;
    }

    private static ObjectNode period(AwayPeriod p) {
        ObjectNode node = SubmissionJson.JSON.createObjectNode();
        node.put(FROM, p.from().toString());
        node.put(TO, p.to().toString());
        node.put(STAND_IN_EMAIL, p.standIn().email());
        node.put("stand_in_name", p.standIn().name());
        return node;
    }

    private static ObjectNode who(Person p) {
        return SubmissionJson.JSON.createObjectNode().put("email", p.email()).put("name", p.name());
    }

    /** The person the path names by e-mail address. */
    private static Person person(String email) {
        Optional<String> problem = EmailAddresses.problem(email);
        if (email.isEmpty() || problem.isPresent()) {
            throw HttpProblem.notFound("People are named by e-mail address in this path, and \"" + email + "\" is not "
                    + "one. Please use " + PATH + "/name@example.com/away.");
        }
        return Person.ofEmail(email, null);
    }

    private static LocalDate date(JsonNode body, String name, String label, LocalDate today, Map<String, String> errors) {
        String text = SubmissionJson.text(body, name, errors);
        if (errors.containsKey(name)) {
            return null;
        }
        ParsedDate parsed = LeaveValidator.parseDate(label, text, today);
        if (!parsed.ok()) {
            errors.put(name, parsed.error());
        }
        return parsed.date();
    }

    private static Person standIn(JsonNode body, Map<String, String> errors) {
        String email = SubmissionJson.text(body, STAND_IN_EMAIL, errors);
        if (email == null) {
            return null;
        }
        Optional<String> problem = EmailAddresses.problem(email);
        problem.ifPresent(p -> errors.put(STAND_IN_EMAIL, "\"" + email + "\" " + p + ". Please use the form name@example.com."));
        return problem.isPresent() ? null : Person.ofEmail(email, null);
    }

    private static Map<String, String> inJsonFields(Map<String, String> serviceErrors) {
        Map<String, String> out = new LinkedHashMap<>();
        serviceErrors.forEach((field, message) -> out.put(JSON_FIELDS.getOrDefault(field, field), message));
        return out;
    }

    private String example() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return "{\"" + FROM + "\": \"" + today.plusDays(7) + "\", \"" + TO + "\": \"" + today.plusDays(11) + "\", \""
                + STAND_IN_EMAIL + "\": \"grace@example.com\"}";
    }

    private static void requireMethod(Exchange ex, String allowed) {
        if (!List.of(allowed.split(", ")).contains(ex.method())) {
            throw HttpProblem.methodNotAllowed(allowed);
        }
    }
}
