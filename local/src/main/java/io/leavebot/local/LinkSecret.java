package io.leavebot.local;

import io.leavebot.logging.LogSecrets;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that signs decision links: {@code LEAVEBOT_LINK_SECRET} if set, else one generated on first start
 * and kept in the data folder (readable by this user only), so links in mails already sent stay valid after a
 * restart.
 */
final class LinkSecret {
    private LinkSecret() {
    }

    static String load(Settings settings, Path dataDir) throws IOException {
        var configured = settings.optional("LEAVEBOT_LINK_SECRET");
        String secret = configured.isPresent() ? configured.get()
                : SecretFile.readOrCreate(dataDir.resolve("link-secret"), () -> {
                    byte[] random = new byte[48];
                    new SecureRandom().nextBytes(random);
                    return Base64.getEncoder().encodeToString(random);
                }).trim();
        LogSecrets.register(secret);
        return secret;
    }
}
