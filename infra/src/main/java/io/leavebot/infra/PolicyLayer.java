package io.leavebot.infra;

import io.leavebot.balance.PolicyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.constructs.Construct;

/**
 * The balance policy file as a Lambda layer, which Lambda mounts under {@value #MOUNT}: the file lists people, so
 * it cannot go into the 4 KB of environment the routing already mostly takes. Every function gets the layer and
 * {@code LEAVEBOT_POLICY_FILE} pointing into it, so all of them count balances by the same policy.
 *
 * <p>A changed file makes a new layer version, and the functions' versions change with its content (the version
 * hash would otherwise see only the layer's unchanged logical id): the front ends publish new versions, SnapStart
 * reads the new policy into them, and new workflow executions start on it. Executions already running stay on the
 * version, and so the policy, they started on; Lambda keeps a deleted layer version for the function versions that
 * use it.
 */
final class PolicyLayer extends Construct {
    /** Where Lambda mounts the layers' contents in a function. */
    static final String MOUNT = "/opt";

    private final LayerVersion layer;
    private final String path;
    private final String revision;

    /** @param file the policy file, already checked ({@link LeaveBotProps#policyFile()}) */
    PolicyLayer(Construct scope, String id, Path file) {
        super(scope, id);
        String name = file.getFileName().toString();
        this.layer = LayerVersion.Builder.create(this, "Layer")
                .code(Code.fromAsset(aloneInADirectory(file).toString()))
                .compatibleRuntimes(List.of(BotFunction.RUNTIME))
                .description("LeaveBot's balance policy, " + name)
                .build();
        this.path = MOUNT + "/" + name;
        this.revision = sha256(file);
    }

    /** Adds the layer to {@code function}, tells it where the file is, and ties its versions to the file's content. */
    void addTo(Function function) {
        function.addLayers(layer);
        function.addEnvironment(PolicyFile.POLICY_FILE_ENV, path);
        function.invalidateVersionBasedOn(revision);
    }

    /** The file's path in a function: {@value #MOUNT}{@code /<its name>}. */
    String path() {
        return path;
    }

    /** A copy of {@code file} in a directory of its own: a layer's asset is a whole directory. */
    private static Path aloneInADirectory(Path file) {
        try {
            Path dir = Files.createTempDirectory("leavebot-policy");
            dir.toFile().deleteOnExit();
            Path copy = Files.copy(file, dir.resolve(file.getFileName()));
            copy.toFile().deleteOnExit(); // deleted before its directory: deleteOnExit runs in reverse order
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the policy file " + file + " for its layer", e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
