package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing people's Slack tokens: what goes in comes out, and any change, other key or other person is refused. */
class TokenSealTest {
    private static final String TOKEN = "xoxp-1234567890-0987654321-abcdefabcdef";
    private final TokenSeal seal = TokenSeal.of(TokenSeal.newKey(), "LEAVEBOT_TOKEN_KEY");

    @Test
    void aSealedTokenOpensForThePersonItWasSealedFor() {
        String sealed = seal.seal("ada@example.org", TOKEN);

        assertEquals(TOKEN, seal.open("ada@example.org", sealed));
        assertFalse(sealed.contains(TOKEN), sealed);
        assertTrue(sealed.startsWith("v1."), sealed);
    }

    @Test
    void eachSealHasItsOwnNonceSoTheSameTokenNeverReadsTheSame() {
        assertNotEquals(seal.seal("ada@example.org", TOKEN), seal.seal("ada@example.org", TOKEN));
    }

    @Test
    void anyChangedCharacterIsDetected() {
        String sealed = seal.seal("ada@example.org", TOKEN);
        // all but the last character, whose low bits base64 may not use
        for (int i = 3; i < sealed.length() - 1; i++) {
            char[] changed = sealed.toCharArray();
            changed[i] = changed[i] == 'A' ? 'B' : 'A';
            String tampered = new String(changed);
            assertThrows(IllegalArgumentException.class, () -> seal.open("ada@example.org", tampered), "position " + i);
        }
    }

    @Test
    void aTokenCopiedToAnotherPersonOrOpenedWithAnotherKeyIsRefused() {
        String sealed = seal.seal("ada@example.org", TOKEN);

        assertThrows(IllegalArgumentException.class, () -> seal.open("grace@example.org", sealed));
        var other = TokenSeal.of(TokenSeal.newKey(), "LEAVEBOT_TOKEN_KEY");
        var refused = assertThrows(IllegalArgumentException.class, () -> other.open("ada@example.org", sealed));
        assertTrue(refused.getMessage().contains("LEAVEBOT_TOKEN_KEY"), refused.getMessage());
        assertFalse(refused.getMessage().contains(TOKEN));
    }

    @Test
    void aKeyThatIsNotBase64OfThirtyTwoBytesIsRefusedByNameWithoutItsValue() {
        var shortKey = assertThrows(IllegalArgumentException.class,
                () -> TokenSeal.of(Base64.getEncoder().encodeToString(new byte[16]), "LEAVEBOT_TOKEN_KEY"));
        assertTrue(shortKey.getMessage().contains("LEAVEBOT_TOKEN_KEY") && shortKey.getMessage().contains("16 bytes"),
                shortKey.getMessage());
        var notBase64 = assertThrows(IllegalArgumentException.class, () -> TokenSeal.of("not a key!", "LEAVEBOT_TOKEN_KEY"));
        assertFalse(notBase64.getMessage().contains("not a key!"), notBase64.getMessage());
        assertEquals("TokenSeal[AES-256-GCM, key hidden]", seal.toString());
    }
}
