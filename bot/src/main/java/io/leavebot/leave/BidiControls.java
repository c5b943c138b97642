package io.leavebot.leave;

import java.util.regex.Pattern;

/**
 * Removes the bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) from text people
 * type: one left open reverses or reorders the rest of the line it ends up in (an e-mail subject, a Slack message), so
 * a reason or a name could make a message say something else ("Trojan Source", CVE-2021-42574). The domain records
 * apply it in their constructors, so every channel and every stored request is covered.
 *
 * <p>The marks U+200E, U+200F and U+061C stay: they have no scope, act like one invisible letter of their direction,
 * cannot reverse what follows, and people who write Arabic or Hebrew use them to get mixed text right.
 */
final class BidiControls {
    private static final Pattern CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

    private BidiControls() {
    }

    /** The text without bidirectional controls; null stays null. */
    static String strip(String text) {
        return text == null ? null : CONTROLS.matcher(text).replaceAll("");
    }
}
