package io.leavebot.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.leavebot.email.Verified.Status;
import io.leavebot.leave.LeaveStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class DecisionLinksTest {
    static final String SECRET = "test-secret-0123456789abcdefghijklmnopqrstuvwxyz";
    private static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
    private static final Instant EXPIRY = NOW.plusSeconds(3 * 24 * 3600);

    private static final String CALLBACK = "cb-1";

    private final DecisionLinks links = new DecisionLinks(SECRET, "http://127.0.0.1:3000/decide");

    @Test
    void aLinkPointsAtTheEndpointWithItsToken() {
        String link = links.link("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY);

        assertTrue(link.startsWith("http://127.0.0.1:3000/decide?token="), link);
        assertEquals(links.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY), link.substring(link.indexOf('=') + 1));
        assertTrue(new DecisionLinks(SECRET, "https://leave.example.org/decide?lang=en").link("r", LeaveStatus.REJECTED, CALLBACK, EXPIRY)
                .startsWith("https://leave.example.org/decide?lang=en&token="));
    }

    @Test
    void aFreshTokenIsValidAndSaysWhatItDecides() {
        Verified approve = links.verify(links.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY), NOW);
        Verified reject = links.verify(links.token("req-42", LeaveStatus.REJECTED, CALLBACK, EXPIRY), NOW);

        assertEquals(new Verified(Status.VALID, "req-42", LeaveStatus.APPROVED, EXPIRY, DecisionLinks.fingerprint(CALLBACK)), approve);
        assertEquals(LeaveStatus.REJECTED, reject.decision());
        assertTrue(approve.isValid());
        assertFalse(approve.isWithdrawal());
    }

    @Test
    void aDecisionTokenAnswersOnlyTheCallbackItWasMadeFor() {
        Verified approve = links.verify(links.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY), NOW);

        assertTrue(approve.isFor(CALLBACK));
        assertFalse(approve.isFor("cb-2"), "the approver was asked again with a new callback: the old link is replaced");
        assertFalse(approve.isFor(null));
        assertThrows(IllegalArgumentException.class, () -> links.link("req-42", LeaveStatus.APPROVED, null, EXPIRY));
    }

    @Test
    void aDecisionTokenFromBeforeCallbacksWereBoundStillAnswersTheOpenOne() {
        String released = links.tokenWithoutCallback("req-42", LeaveStatus.REJECTED, EXPIRY);

        Verified verified = links.verify(released, NOW);
        assertEquals(new Verified(Status.VALID, "req-42", LeaveStatus.REJECTED, EXPIRY, null), verified);
        assertTrue(verified.isFor("any-open-callback"));
    }

    @Test
    void aWithdrawLinkWithdrawsAndNamesNoCallback() {
        String link = links.withdrawLink("req-42", EXPIRY);
        String token = link.substring(link.indexOf('=') + 1);

        Verified verified = links.verify(token, NOW);
        assertEquals(new Verified(Status.VALID, "req-42", LeaveStatus.CANCELLED, EXPIRY, null), verified);
        assertTrue(verified.isWithdrawal());
        assertEquals(Status.EXPIRED, links.verify(token, EXPIRY).status());
        String[] parts = token.split("\\.");
        assertTampered(with(parts, 1, "approve"), "a withdraw token turned into an approval");
    }

    @Test
    void anyRequestIdSurvivesTheRoundTrip() {
        String odd = "ärger.|/?&=#\n 42";

        assertEquals(odd, links.verify(links.token(odd, LeaveStatus.APPROVED, CALLBACK, EXPIRY), NOW).requestId());
    }

    @Test
    void aTokenExpiresAtItsExpiry() {
        String token = links.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY);

        assertEquals(Status.VALID, links.verify(token, EXPIRY.minusSeconds(1)).status());
        Verified expired = links.verify(token, EXPIRY);
        assertEquals(Status.EXPIRED, expired.status());
        assertEquals("req-42", expired.requestId());
    }

    @Test
    void changingAnyPartIsTampering() {
        String[] parts = links.token("req-42", LeaveStatus.REJECTED, CALLBACK, EXPIRY).split("\\.");
        String otherId = Base64.getUrlEncoder().withoutPadding().encodeToString("req-43".getBytes(StandardCharsets.UTF_8));
        String laterExpiry = String.valueOf(EXPIRY.getEpochSecond() + 86400);
        String otherMac = (parts[4].charAt(0) == 'A' ? "B" : "A") + parts[4].substring(1);

        assertTampered(with(parts, 0, otherId));
        assertTampered(with(parts, 1, "approve"));
        assertTampered(with(parts, 2, laterExpiry));
        assertTampered(with(parts, 3, DecisionLinks.fingerprint("cb-2")));
        assertTampered(with(parts, 4, otherMac));
        assertTampered(with(parts, 4, links.token("req-43", LeaveStatus.REJECTED, CALLBACK, EXPIRY).split("\\.")[4]));
        assertTampered(String.join(".", parts[0], parts[1], parts[2], parts[4]), "the callback taken out");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsTampered() {
        DecisionLinks other = new DecisionLinks(SECRET.replace('t', 'T'), "http://127.0.0.1:3000/decide");

        assertTampered(other.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY));
    }

    @Test
    void somethingThatIsNotATokenIsMalformed() {
        String token = links.token("req-42", LeaveStatus.APPROVED, CALLBACK, EXPIRY);
        for (String bad : Arrays.asList(null, "", "hello", token.substring(0, token.length() - 1), token + "A",
                token.replace(".approve.", ".maybe."), token.replace(".approve.", ".approve.-"),
                token.replace(".approve.", "..approve."), token.replace('-', '+') + "+", token + ".extra")) {
            Verified verified = links.verify(bad, NOW);
            assertEquals(Status.MALFORMED, verified.status(), "for " + bad);
            assertNull(verified.requestId());
        }
    }

    @Test
    void aShortSecretIsRefusedWithTheWayOut() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DecisionLinks("too-short", "http://127.0.0.1:3000/decide"));

        assertEquals("the decision-link secret is 9 bytes long, but it must have at least 32; use a long random value, "
                + "e.g. from `openssl rand -base64 48`", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DecisionLinks(null, "http://127.0.0.1:3000/decide"));
    }

    @Test
    void aBadBaseUrlOrDecisionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DecisionLinks(SECRET, "127.0.0.1:3000/decide"));
        assertThrows(IllegalArgumentException.class, () -> new DecisionLinks(SECRET, "ftp://example.org/decide"));
        assertThrows(IllegalArgumentException.class, () -> links.link("req-42", LeaveStatus.EXPIRED, CALLBACK, EXPIRY));
        assertThrows(IllegalArgumentException.class, () -> links.link("", LeaveStatus.APPROVED, CALLBACK, EXPIRY));
    }

    @Test
    void theSecretIsNeverShown() {
        assertEquals("DecisionLinks[http://127.0.0.1:3000/decide]", links.toString());
    }

    private void assertTampered(String token) {
        assertTampered(token, "for " + token);
    }

    private void assertTampered(String token, String why) {
        Verified verified = links.verify(token, NOW);
        assertEquals(Status.TAMPERED, verified.status(), why);
        assertNull(verified.requestId());
        assertNull(verified.decision());
    }

    private static String with(String[] parts, int index, String replacement) {
        String[] copy = parts.clone();
        copy[index] = replacement;
        return String.join(".", copy);
    }
}
