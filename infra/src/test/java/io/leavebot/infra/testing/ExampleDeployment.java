package io.leavebot.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.infra.LeaveBotApp;
import io.leavebot.infra.LeaveBotProps;
import io.leavebot.infra.LeaveBotStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;

/**
 * The stack as an example deployment would have it, synthesized once per test JVM (a synth takes seconds) into
 * {@code infra/cdk.out}, offline and without AWS credentials, exactly as {@code cdk synth} would with
 * {@link #CONTEXT}. Tests share it and only read it. {@link #with} is the same deployment with one context value
 * changed, for what a switch leaves out, synthesized once too, on first use.
 */
public final class ExampleDeployment {
    public static final String SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:leavebot-AbC123";
    public static final String ROUTING = "{\"default\": {\"email\": \"grace@example.com\", \"name\": \"Grace\"}}";
    /** The example's balance policy, relative to {@code infra/} as {@code -c policyFile=…} would give it. */
    public static final String POLICY_FILE = "src/test/resources/example-policy.json";
    /** A file of the same name with another allowance: a changed policy. */
    public static final String CHANGED_POLICY_FILE = "src/test/resources/changed/example-policy.json";
    /**
     * What {@code cdk deploy -c key=value …} would give, with every front end ({@code -c teams=true}); the bot jar is
     * the default one, built before infra.
     */
    public static final Map<String, Object> CONTEXT = Map.ofEntries(
            Map.entry(LeaveBotProps.SECRET_ARN, SECRET_ARN),
            Map.entry(LeaveBotProps.MAIL_FROM, "LeaveBot <leavebot@example.com>"),
            Map.entry(LeaveBotProps.SES_IDENTITY, "example.com"),
            Map.entry(LeaveBotProps.ROUTING, ROUTING),
            Map.entry(LeaveBotProps.TIME_ZONE, "Europe/Berlin"),
            Map.entry(LeaveBotProps.APPROVAL_TIMEOUT, "P5D"),
            Map.entry(LeaveBotProps.EXECUTION_TIMEOUT, "P366D"),
            Map.entry(LeaveBotProps.HISTORY_RETENTION, "P60D"),
            Map.entry(LeaveBotProps.ALARM_EMAIL, "ops@example.com"),
            Map.entry(LeaveBotProps.TEAMS, "true"),
            Map.entry(LeaveBotProps.POLICY_FILE, POLICY_FILE),
            Map.entry(LeaveBotProps.ADMINS, "hr@example.com, ops@example.com"));

    private static final Set<String> MESSAGE_TYPES = Set.of("aws:cdk:error", "aws:cdk:warning", "aws:cdk:info");

    private static ExampleDeployment synthesized;
    private static final Map<String, ExampleDeployment> VARIANTS = new HashMap<>();

    private final Path outdir;
    private final LeaveBotStack stack;
    private final Template template;
    private final TemplateJson json;

    private ExampleDeployment(Path outdir, Map<String, Object> context) {
        this.outdir = outdir;
        App app = App.Builder.create().outdir(outdir.toString()).context(context).build();
        this.stack = LeaveBotApp.build(app);
        app.synth();
        this.template = Template.fromStack(stack); // the app's synth above, not a second one
        this.json = new TemplateJson(template);
    }

    /** The synthesized example, made on the first call. */
    public static synchronized ExampleDeployment get() {
        if (synthesized == null) {
            Path outdir = Path.of(System.getProperty("leavebot.cdk.out", "cdk.out")).toAbsolutePath();
            deleteRecursively(outdir); // else every new bot jar leaves another 40 MB asset behind
            synthesized = new ExampleDeployment(outdir, CONTEXT);
        }
        return synthesized;
    }

    /**
     * The example with the context value of {@code key} set to {@code value}, or removed when {@code value} is null;
     * made on the first call. Its cloud assembly is deleted once synthesized (it would hold another copy of the
     * jar): only {@link #template()} and {@link #json()} are of use.
     */
    public static synchronized ExampleDeployment with(String key, String value) {
        Map<String, String> changes = new HashMap<>();
        changes.put(key, value);
        return with(changes);
    }

    /** As {@link #with(String, String)}, with several context values changed (a null value removes the key). */
    public static synchronized ExampleDeployment with(Map<String, String> changes) {
        return VARIANTS.computeIfAbsent(new TreeMap<>(changes).toString(), variant -> {
            Map<String, Object> context = new HashMap<>(CONTEXT);
            changes.forEach((key, value) -> {
                if (value == null) {
                    context.remove(key);
                } else {
                    context.put(key, value);
                }
            });
            Path outdir;
            try {
                outdir = Files.createTempDirectory("leavebot-variant");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make a directory to synthesize into", e);
            }
            var deployment = new ExampleDeployment(outdir, context);
            deleteRecursively(outdir);
            return deployment;
        });
    }

    public Template template() {
        return template;
    }

    public TemplateJson json() {
        return json;
    }

    /** The cloud assembly's directory, {@code infra/cdk.out}. */
    public Path outdir() {
        return outdir;
    }

    /**
     * The errors, warnings and infos CDK attached to the stack's constructs, as {@code cdk synth} would print them
     * ("level path: message"), read from the cloud assembly.
     */
    public List<String> messages() {
        JsonNode artifact = readJson("manifest.json").path("artifacts").path(stack.getArtifactId());
        JsonNode metadata = artifact.has("additionalMetadataFile")
                ? readJson(artifact.get("additionalMetadataFile").asText()) : artifact.path("metadata");
        List<String> messages = new ArrayList<>();
        metadata.properties().forEach(construct -> construct.getValue().forEach(entry -> {
            String type = entry.path("type").asText();
            if (MESSAGE_TYPES.contains(type)) {
                messages.add(type + " " + construct.getKey() + ": " + entry.path("data").asText());
            }
        }));
        return messages;
    }

    private JsonNode readJson(String file) {
        try {
            return new ObjectMapper().readTree(outdir.resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " of the cloud assembly", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir + " before synthesizing into it", e);
        }
    }
}
