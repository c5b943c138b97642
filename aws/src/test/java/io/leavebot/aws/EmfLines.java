package io.leavebot.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded-metric-format lines the functions write to standard output while {@code body} runs (what CloudWatch
 * Logs would extract metrics from), each parsed; the output still reaches the console too.
 */
final class EmfLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfLines() {
    }

    static List<JsonNode> during(Runnable body) {
        PrintStream console = System.out;
        var captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, captured), true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.out.flush();
            System.setOut(console);
        }
        List<JsonNode> documents = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{") && line.contains("\"_aws\"")) {
                try {
                    documents.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException("an EMF line that is not JSON: " + line, e);
                }
            }
        }
        return documents;
    }

    /** The documents with a value for {@code metric}. */
    static List<JsonNode> of(List<JsonNode> documents, String metric) {
        return documents.stream().filter(d -> d.has(metric)).toList();
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
