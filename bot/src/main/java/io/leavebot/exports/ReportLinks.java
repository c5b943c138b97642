package io.leavebot.exports;

import io.leavebot.email.DecisionLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Download links to the leave report that an admin asks for in chat ({@code report 2027-01}): the period and an
 * expiry ({@value #VALID_HOURS} hours on), signed with the link secret through {@link DecisionLinks#signature} under a
 * purpose of their own, so a link cannot be stretched to another period or made to last longer:
 * {@code <base>/reports/leave.csv?from=2027-01-01&to=2027-01-31&expires=<epoch seconds>&sig=<base64url HMAC>}.
 */
public final class ReportLinks {
    public static final String PATH = "/reports/leave.csv";
    static final int VALID_HOURS = 24;
    private static final String PURPOSE = "leavebot-report-link/v1";

    private final DecisionLinks signer;
    private final String baseUrl;
    private final Clock clock;

    /** What a link's parameters say. */
    public enum Check { VALID, EXPIRED, TAMPERED }

    /** A link's period, once {@link #check} found it valid. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /** @param baseUrl how people reach the web app, e.g. {@code https://leave.example.com} */
    public ReportLinks(DecisionLinks signer, String baseUrl, Clock clock) {
        this.signer = signer;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.clock = clock;
    }

    /** A link made by {@link #link}, and when it stops working. */
    public record Link(String url, Instant expiresAt) {
    }

    public Link link(LocalDate from, LocalDate to) {
        Instant expires = Instant.ofEpochSecond(clock.instant().plus(Duration.ofHours(VALID_HOURS)).getEpochSecond());
        String signed = signed(from.toString(), to.toString(), Long.toString(expires.getEpochSecond()));
        return new Link(baseUrl + PATH + "?from=" + from + "&to=" + to + "&expires=" + expires.getEpochSecond() + "&sig="
                + signer.signature(PURPOSE, signed), expires);
    }

    /**
     * Checks a link's query parameters: the signature first, so a changed expiry or period is TAMPERED, whatever
     * else it says.
     */
    public Check check(Map<String, String> query) {
        String from = query.get("from");
        String to = query.get("to");
        String expires = query.get("expires");
        if (from == null || to == null || expires == null
                || !signer.hasSignature(PURPOSE, signed(from, to, expires), query.get("sig"))) {
            return Check.TAMPERED;
        }
        try {
            return clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(expires))) ? Check.VALID : Check.EXPIRED;
        } catch (NumberFormatException e) {
            return Check.TAMPERED;
        }
    }

    /** The period of a link {@link #check} found VALID. */
    public static Period periodOf(Map<String, String> query) {
        try {
            return new Period(LocalDate.parse(query.get("from")), LocalDate.parse(query.get("to")));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a signed report link holds a date LeaveBot did not write", e);
        }
    }

    private static String signed(String from, String to, String expires) {
        return from + "/" + to + "/" + expires;
    }
}
