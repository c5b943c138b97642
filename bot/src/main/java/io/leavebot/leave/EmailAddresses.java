package io.leavebot.leave;

import java.util.regex.Pattern;

/**
 * The one check of an e-mail address's shape, shared by validation and routing. Deliberately loose (something,
 * {@code @}, a domain with a dot, no spaces): whether the mailbox exists is only known by sending to it.
 */
public final class EmailAddresses {
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private EmailAddresses() {
    }

    public static boolean isValid(String address) {
        return address != null && SHAPE.matcher(address).matches();
    }
}
