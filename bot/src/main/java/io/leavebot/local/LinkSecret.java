package io.leavebot.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        if (configured.isPresent()) {
            return configured.get();
        }
        Path file = dataDir.resolve("link-secret");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getEncoder().encodeToString(random);
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        return secret;
    }
}
