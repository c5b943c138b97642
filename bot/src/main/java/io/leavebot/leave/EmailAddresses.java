package io.leavebot.leave;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one check of an e-mail address, shared by validation, routing, the workspace's people and the settings: the
 * limits of RFC 5321 (section 4.5.3.1) and a deliberately loose shape (something, {@code @}, a domain with a dot; no
 * spaces, no control or invisible format characters). Whether the mailbox exists is only known by sending to it.
 * Lengths are counted in characters; the RFC counts octets, which is the same for the ASCII addresses nearly
 * everyone has.
 */
public final class EmailAddresses {
    /** A forward path is at most 256 octets, two of them the angle brackets around the address. */
    private static final int MAX_LENGTH = 254;
    /** The part before the {@code @}. */
    private static final int MAX_LOCAL_PART = 64;

    private static final String PART = "[^@\\s.\\p{Cc}\\p{Cf}]+";
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cc}\\p{Cf}]+@" + PART + "(\\." + PART + ")+");

    private EmailAddresses() {
    }

    /**
     * What is wrong with the address, worded to follow it in a sentence ({@code "x" does not look like an e-mail
     * address}, {@code …, which is 255 characters long, …}); empty when it can be used.
     */
    public static Optional<String> problem(String address) {
        if (address == null || !SHAPE.matcher(address).matches()) {
            return Optional.of("does not look like an e-mail address");
        }
        int length = address.codePointCount(0, address.length());
        if (length > MAX_LENGTH) {
            return Optional.of("is " + length + " characters long, more than the " + MAX_LENGTH + " an e-mail address may have");
        }
        String local = address.substring(0, address.lastIndexOf('@'));
        int localLength = local.codePointCount(0, local.length());
        if (localLength > MAX_LOCAL_PART) {
            return Optional.of("has " + localLength + " characters before the @, more than the " + MAX_LOCAL_PART
                    + " an e-mail address may have there");
        }
        return Optional.empty();
    }
}
