package io.leavebot.logging;

import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The secret values a log line must never show, and the masking every LeaveBot layout applies to a whole line.
 * The settings and secrets loaders register what they read (signing secrets, bot tokens, link keys, API keys, token
 * keys, passwords); values with a recognisable shape that nobody registers (people's Slack user tokens, Bot
 * Framework JWTs, feed tokens and signed-link tokens in URLs) are masked by their shape.
 */
public final class LogSecrets {
    /** What a secret becomes in a log line. */
    public static final String MASK = "****";
    /** Shorter values are not masked: they would blank ordinary words. LeaveBot's own secrets are far longer. */
    static final int MIN_LENGTH = 6;
    /** A setting whose name ends like this holds a secret: SLACK_BOT_TOKEN, SMTP_PASSWORD, AWS_SECRET_ACCESS_KEY, … */
    private static final Pattern SECRET_SETTING = Pattern.compile("(^|_)(SECRET|TOKEN|PASSWORD|KEY)$");
    private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();
    /** Longest first, so a secret that contains another is masked whole. */
    private static volatile String[] longestFirst = new String[0];

    private static final Pattern SLACK_TOKEN = Pattern.compile("\\b(xox[a-z]|xapp)-[0-9A-Za-z-]+");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{16,}"); // not "bearer token"
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    private static final Pattern URL_SECRET = Pattern.compile("([?&](?:token|sig|signature|code|state|key)=)[^&\\s\"'<>]+");
    private static final Pattern FEED_PATH = Pattern.compile("(/calendar/)[A-Za-z0-9_-]{16,}(\\.ics)");

    private LogSecrets() {
    }

    /** From now on {@code value} is masked in every line; blank and very short values are ignored. */
    public static void register(String value) {
        if (value == null || value.strip().length() < MIN_LENGTH || !VALUES.add(value.strip())) {
            return;
        }
        synchronized (VALUES) {
            longestFirst = VALUES.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
        }
    }

    /** Registers the value of every setting whose name says it is a secret (see {@link #isSecretSetting}). */
    public static void registerSettings(Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (isSecretSetting(name)) {
                register(value);
            }
        });
    }

    /** {@code SLACK_SIGNING_SECRET}, {@code LEAVEBOT_API_KEY}, {@code AWS_SESSION_TOKEN}: yes; {@code LEAVEBOT_SECRET_ARN}: no. */
    public static boolean isSecretSetting(String name) {
        return SECRET_SETTING.matcher(name).find();
    }

    /** {@code text} with every registered secret, and every secret of a known shape, replaced by {@link #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : longestFirst) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        // the shapes: each pattern only when a cheap look says it may match, since most lines hold none
        if (masked.contains("xox") || masked.contains("xapp-")) {
            masked = SLACK_TOKEN.matcher(masked).replaceAll("$1-" + MASK);
        }
        if (masked.contains("earer") || masked.contains("asic ")) {
            masked = BEARER.matcher(masked).replaceAll("$1 " + MASK);
        }
        if (masked.contains("eyJ")) {
            masked = JWT.matcher(masked).replaceAll(MASK);
        }
        if (masked.indexOf('=') >= 0) {
            masked = URL_SECRET.matcher(masked).replaceAll("$1" + MASK);
        }
        if (masked.contains("/calendar/")) {
            masked = FEED_PATH.matcher(masked).replaceAll("$1" + MASK + "$2");
        }
        return masked;
    }

    /** For tests: forgets every registered value. */
    static void clear() {
        synchronized (VALUES) {
            VALUES.clear();
            longestFirst = new String[0];
        }
    }
}
