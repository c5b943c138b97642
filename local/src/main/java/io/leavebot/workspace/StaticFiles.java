package io.leavebot.workspace;

import io.leavebot.http.WebRequest;
import io.leavebot.http.WebResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The page itself: plain HTML, CSS and JavaScript from the jar's {@code workspace/} folder, no build step. */
final class StaticFiles {
    private static final Map<String, String> FILES = Map.of(
            "/", "index.html",
            PageApi.PREFIX + "workspace.css", "workspace.css",
            PageApi.PREFIX + "workspace.js", "workspace.js",
            PageApi.PREFIX + "blockkit.js", "blockkit.js",
            PageApi.PREFIX + "panels.js", "panels.js");

    private StaticFiles() {
    }

    /** Path → handler for each file; files are read once, when the routes are made. */
    static Map<String, Function<WebRequest, WebResponse>> routes() {
        Map<String, Function<WebRequest, WebResponse>> routes = new LinkedHashMap<>();
        FILES.forEach((path, file) -> {
            WebResponse page = new WebResponse(200, Map.of("Content-Type", typeOf(file), "Cache-Control", "no-cache",
                    "X-Content-Type-Options", "nosniff", "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'"),
                    read(file));
            routes.put(path, request -> request.method().equals("GET") || request.method().equals("HEAD") ? page
                    : new WebResponse(405, Map.of("Content-Type", "text/plain; charset=utf-8"), "Use GET."));
        });
        return routes;
    }

    private static String typeOf(String file) {
        return file.endsWith(".html") ? "text/html; charset=utf-8"
                : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
    }

    private static String read(String file) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream("workspace/" + file)) {
            if (in == null) {
                throw new IllegalStateException("workspace/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("workspace/" + file + " cannot be read from the jar", e);
        }
    }
}
