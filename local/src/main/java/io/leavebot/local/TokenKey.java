package io.leavebot.local;

import io.leavebot.local.Settings.SettingsException;
import io.leavebot.logging.LogSecrets;
import io.leavebot.slack.TokenSeal;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The key people's Slack user tokens are sealed with: {@value TokenSeal#KEY_SETTING} if set, else one generated on
 * first start and kept in the data folder (readable by this user only), beside the tokens it seals, so that they
 * still open after a restart.
 */
final class TokenKey {
    private TokenKey() {
    }

    static TokenSeal load(Settings settings, Path dataDir) throws IOException {
        var configured = settings.optional(TokenSeal.KEY_SETTING);
        try {
            if (configured.isPresent()) {
                return TokenSeal.of(configured.get(), TokenSeal.KEY_SETTING);
            }
            Path file = dataDir.resolve("token-key");
            String key = SecretFile.readOrCreate(file, TokenSeal::newKey).trim();
            LogSecrets.register(key);
            return TokenSeal.of(key, file.toString());
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }
}
