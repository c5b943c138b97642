package io.leavebot.local;

import io.leavebot.durable.engine.DurableCredentials;
import io.leavebot.durable.engine.DurableRestServer;
import io.leavebot.durable.engine.EmbeddedEngine;
import io.leavebot.local.Settings.SettingsException;
import io.leavebot.logging.LogSecrets;
import io.leavebot.workflow.LeaveRequests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded engine's Lambda durable API ({@link DurableRestServer}), for the AWS CLI and SDKs. Off unless
 * {@value #PORT} is set, since LeaveBot itself needs no port for its engine. When on, it listens on
 * {@value #BIND_ADDRESS} (loopback, whatever {@code LEAVEBOT_BIND_ADDRESS} says: whoever calls it can approve any
 * leave) and serves only requests signed, as AWS signs them, with the key {@value #ACCESS_KEY_ID} and
 * {@value #SECRET_ACCESS_KEY}, or without those with a key generated once into the data folder as an AWS
 * credentials file ({@value #CREDENTIALS_FILE}, profile {@value #PROFILE}).
 */
final class DurableApi {
    static final String PORT = "LEAVEBOT_DURABLE_PORT";
    static final String BIND_ADDRESS = "LEAVEBOT_DURABLE_BIND_ADDRESS";
    static final String ACCESS_KEY_ID = "LEAVEBOT_DURABLE_ACCESS_KEY_ID";
    static final String SECRET_ACCESS_KEY = "LEAVEBOT_DURABLE_SECRET_ACCESS_KEY";
    static final String CREDENTIALS_FILE = "durable-credentials";
    static final String PROFILE = "leavebot-local";
    private static final Pattern KEY_ID_LINE = Pattern.compile("(?m)^\\s*aws_access_key_id\\s*=\\s*(\\S+)\\s*$");
    private static final Pattern SECRET_LINE = Pattern.compile("(?m)^\\s*aws_secret_access_key\\s*=\\s*(\\S+)\\s*$");

    final int port;
    final InetAddress address;
    final DurableCredentials credentials;
    /** Where the generated key is kept; null when the key comes from the settings. */
    final Path generatedKey;

    private DurableApi(int port, InetAddress address, DurableCredentials credentials, Path generatedKey) {
        this.port = port;
        this.address = address;
        this.credentials = credentials;
        this.generatedKey = generatedKey;
        LogSecrets.register(credentials.secretAccessKey());
    }

    /** The API as the settings ask for it; empty when {@value #PORT} is not set. */
    static Optional<DurableApi> from(Settings settings, Path dataDir) throws IOException {
        if (settings.optional(PORT).isEmpty()) {
            return Optional.empty();
        }
        int port = settings.port(PORT, 0);
        InetAddress address = settings.address(BIND_ADDRESS, "127.0.0.1");
        Optional<String> keyId = settings.optional(ACCESS_KEY_ID);
        Optional<String> secret = settings.optional(SECRET_ACCESS_KEY);
        if (keyId.isPresent() != secret.isPresent()) {
            throw new SettingsException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " go together: set both, or "
                    + "neither to have a key generated into the data folder");
        }
        if (keyId.isPresent()) {
            return Optional.of(new DurableApi(port, address, given(keyId.get(), secret.get()), null));
        }
        Path file = dataDir.resolve(CREDENTIALS_FILE).toAbsolutePath();
        return Optional.of(new DurableApi(port, address, readOrGenerate(file), file));
    }

    /** Binds and serves {@code engine}; see {@link DurableRestServer.Builder#start()} for what it throws. */
    Serving start(EmbeddedEngine engine) {
        return new Serving(DurableRestServer.builder(engine, credentials).address(address).port(port).start(), this);
    }

    /** The API, listening. */
    record Serving(DurableRestServer server, DurableApi api) implements AutoCloseable {
        URI uri() {
            return server.uri();
        }

        /** The welcome lines: where the API is and how to call it with the AWS CLI. Never the secret. */
        List<String> describe() {
            return api.describe(server.uri());
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private List<String> describe(URI uri) {
        String example = "aws lambda list-durable-executions-by-function --function-name " + LeaveRequests.FUNCTION
                + " --region us-east-1 --endpoint-url " + uri;
        if (generatedKey == null) {
            return List.of(uri + "  (SigV4 with the key " + credentials.accessKeyId() + " of " + ACCESS_KEY_ID + ")",
                    "e.g. " + example + " --profile <a profile with that key>");
        }
        return List.of(uri + "  (SigV4 with the key " + credentials.accessKeyId() + "; it is in " + generatedKey
                        + ", an AWS credentials file — copy its lines into ~/.aws/credentials, or:)",
                "AWS_SHARED_CREDENTIALS_FILE=" + generatedKey + " " + example + " --profile " + PROFILE);
    }

    private static DurableCredentials given(String keyId, String secret) {
        try {
            return new DurableCredentials(keyId, secret);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + " are not a usable key: "
                    + e.getMessage());
        }
    }

    private static DurableCredentials readOrGenerate(Path file) throws IOException {
        String text = SecretFile.readOrCreate(file, () -> credentialsFile(DurableCredentials.generate()));
        Matcher keyId = KEY_ID_LINE.matcher(text);
        Matcher secret = SECRET_LINE.matcher(text);
        try {
            if (keyId.find() && secret.find()) {
                return new DurableCredentials(keyId.group(1), secret.group(1));
            }
        } catch (IllegalArgumentException e) {
            // answered below, like a file without the two lines
        }
        throw new SettingsException(file + " does not hold a usable aws_access_key_id and aws_secret_access_key; "
                + "delete it to have a new key generated, or set " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY);
    }

    private static String credentialsFile(DurableCredentials key) {
        return "# The key to LeaveBot's Lambda durable API (" + PORT + "), as an AWS credentials file.\n"
                + "# Whoever holds it can approve any leave request: keep it to yourself. Delete this file for a new key.\n"
                + "[" + PROFILE + "]\n"
                + "aws_access_key_id = " + key.accessKeyId() + "\n"
                + "aws_secret_access_key = " + key.secretAccessKey() + "\n";
    }
}
