package io.leavebot.durable.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leavebot.durable.execution.WireJson;
import io.leavebot.durable.sigv4.SigV4;
import io.leavebot.net.PlainHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Calls one AWS service's JSON API over {@link PlainHttp}, signed with SigV4 ({@link SigV4}), so a Lambda
 * function needs no part of the AWS SDK: its clients, signer, credentials chain and region tables are a good part of a
 * cold start (measured in the README's "The Lambda package and its cold start"). Throttling, 5xx
 * answers and network failures are retried as the SDK's standard mode retries them. A refusal is thrown as an
 * {@link AwsApiException}; a service that cannot be reached (after the retries) as an {@link UncheckedIOException}.
 */
public final class AwsHttpCaller {
    /** Headers the JDK sets itself (from the URI and the body) and drops from callers: signed, not set by us. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String signingName;
    private final String region;
    private final URI endpoint;
    private final Map<String, String> environment;
    private final Clock clock;
    private final Duration requestTimeout;
    private final AwsRetries retries;
    private final PlainHttp http;
    private volatile AwsCredentials credentials;

    private AwsHttpCaller(Builder b) {
        this.signingName = b.signingName;
        this.region = b.region;
        this.endpoint = b.endpoint != null ? b.endpoint : configuredEndpoint(b).orElseGet(() ->
                defaultEndpoint(b.endpointPrefix != null ? b.endpointPrefix : b.signingName, b.region));
        this.credentials = b.credentials;
        this.environment = b.environment;
        this.clock = b.clock;
        this.requestTimeout = b.requestTimeout;
        this.retries = new AwsRetries(b.maxAttempts, b.baseDelay, b.throttledBaseDelay);
        this.http = new PlainHttp(b.connectTimeout);
    }

    /**
     * A caller for the service that signs as {@code signingName} (such as {@code lambda}) in {@code region}; its
     * endpoint is the one {@code AWS_ENDPOINT_URL_<SERVICE ID>} or {@code AWS_ENDPOINT_URL} names, as for the SDK's
     * clients, else {@code https://<signingName>.<region>.<partition domain>} unless set (see
     * {@link Builder#endpointPrefix}).
     */
    public static Builder builder(String signingName, String region) {
        return new Builder(signingName, region);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return region;
    }

    /** Sends {@code request}, retrying what may succeed later, and reads the JSON answer as {@code type} (null if empty). */
    public <T> T callJson(AwsRequest request, ObjectMapper mapper, Class<T> type) {
        AwsResponse response = call(request);
        if (response.body().length == 0) {
            return null;
        }
        try {
            return mapper.readValue(response.body(), type);
        } catch (IOException e) {
            throw new AwsApiException(response.status(), null, signingName + " answered " + request.method() + " "
                    + request.encodedPath() + " with JSON this client cannot read: " + e.getMessage(),
                    response.header("x-amzn-RequestId"));
        }
    }

    /** Sends {@code request}, retrying throttling, 5xx answers and network failures; answers the 2xx response. */
    public AwsResponse call(AwsRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                PlainHttp.Answer response = send(request);
                if (response.status() / 100 == 2) {
                    return new AwsResponse(response.status(), response.headers(), response.body());
                }
                AwsApiException refusal = refusal(response);
                if (!refusal.isRetryable() || !retries.mayRetryAfter(attempt)) {
                    throw refusal;
                }
                AwsRetries.sleep(retries.delayAfter(attempt, refusal.status() == 429
                        || AwsRetries.isThrottling(refusal.errorCode())));
            } catch (IOException e) {
                if (!retries.mayRetryAfter(attempt)) {
                    throw new UncheckedIOException(signingName + " at " + endpoint + " did not answer " + request.method()
                            + " " + request.encodedPath() + " (" + attempt + " attempts): " + describe(e), e);
                }
                AwsRetries.sleep(retries.delayAfter(attempt, false));
            }
        }
    }

    /** Signed anew for every attempt: the signature's time must be current. */
    private PlainHttp.Answer send(AwsRequest request) throws IOException {
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority()
                + join(endpoint.getRawPath(), request.encodedPath()) + queryString(request.query()));
        var headers = new TreeMap<String, List<String>>();
        request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
        if (request.contentType() != null) {
            headers.put("content-type", List.of(request.contentType()));
        }
        headers.put("host", List.of(hostHeader(uri)));
        byte[] body = request.body();
        headers.put("x-amz-content-sha256", List.of(SigV4.hex(SigV4.sha256(body)))); // signed, as the SDK signs it
        Instant now = clock.instant();
        headers.put("x-amz-date", List.of(SigV4.AMZ_DATE.format(now)));
        AwsCredentials key = credentials();
        if (key.sessionToken() != null) {
            headers.put("x-amz-security-token", List.of(key.sessionToken()));
        }
        String authorization = SigV4.authorization(request.method(), uri, headers, body, key.accessKeyId(),
                key.secretAccessKey(), region, signingName, now);
        var sent = new TreeMap<String, String>();
        headers.forEach((name, values) -> {
            if (!RESTRICTED.contains(name)) {
                sent.put(name, values.get(0));
            }
        });
        sent.put("Authorization", authorization);
        return http.send(request.method(), uri, sent, body, requestTimeout);
    }

    /** Read when first needed, so that a caller can be built (and its endpoint checked) before they are set. */
    private AwsCredentials credentials() {
        AwsCredentials key = credentials;
        if (key == null) {
            key = AwsCredentials.fromEnvironment(environment);
            credentials = key;
        }
        return key;
    }

    /** The query as sent: each name and value RFC 3986-encoded, in the order given. */
    private static String queryString(Map<String, List<String>> query) {
        var joined = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> joined.append(joined.length() == 0 ? '?' : '&')
                .append(SigV4.encode(name, false)).append('=').append(SigV4.encode(value, false))));
        return joined.toString();
    }

    /** The Host header as the JDK sends it (and so as it must be signed): the port only when not the scheme's. */
    private static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean schemesPort = port == -1 || port == ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return schemesPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** The AWS error code from {@code X-Amzn-ErrorType} or the body ({@code __type}, {@code code}), and the message. */
    private AwsApiException refusal(PlainHttp.Answer response) {
        JsonNode body = null;
        try {
            body = response.body().length == 0 ? null : WireJson.REST.readTree(response.body());
        } catch (IOException e) {
            // not JSON (a proxy's HTML page, say): the status has to speak for itself
        }
        String code = response.header("X-Amzn-ErrorType").orElse(null);
        if (code == null && body != null) {
            code = text(body, "__type", "code", "Code");
        }
        if (code != null) {
            code = code.substring(code.lastIndexOf('#') + 1);
            code = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        }
        String message = body == null ? null : text(body, "message", "Message", "errorMessage");
        if (message == null) {
            message = signingName + " answered HTTP " + response.status() + (code == null ? "" : " " + code);
        }
        return new AwsApiException(response.status(), code, message, response.header("x-amzn-RequestId").orElse(null));
    }

    private static String text(JsonNode body, String... names) {
        for (String name : names) {
            JsonNode value = body.get(name);
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String join(String base, String path) {
        String prefix = base == null || base.equals("/") ? "" : base.replaceAll("/+$", "");
        return prefix + (path.startsWith("/") ? path : "/" + path);
    }

    private static String describe(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * The endpoint the environment names, as the SDK reads it (AWS's "service-specific endpoints" setting):
     * {@code AWS_ENDPOINT_URL_<SERVICE ID>} (the id upper-cased, spaces as underscores), else {@code AWS_ENDPOINT_URL}.
     */
    private static Optional<URI> configuredEndpoint(Builder b) {
        String service = (b.serviceId != null ? b.serviceId : b.signingName).toUpperCase(Locale.ROOT)
                .replace(' ', '_');
        String url = b.environment.get("AWS_ENDPOINT_URL_" + service);
        if (url == null || url.isBlank()) {
            url = b.environment.get("AWS_ENDPOINT_URL");
        }
        return url == null || url.isBlank() ? Optional.empty()
                : Optional.of(URI.create(url.trim()));
    }

    private static URI defaultEndpoint(String signingName, String region) {
        return URI.create("https://" + signingName + "." + region + "." + partitionDomain(region));
    }

    /**
     * The DNS suffix of the region's partition, by its prefix as AWS names regions (the SDK's partition table; a
     * test compares them): China's and the isolated partitions have their own; every other region, GovCloud's too,
     * is under amazonaws.com.
     */
    static String partitionDomain(String region) {
        if (region.startsWith("cn-")) {
            return "amazonaws.com.cn";
        } else if (region.startsWith("us-isob-")) {
            return "sc2s.sgov.gov";
        } else if (region.startsWith("us-isof-")) {
            return "csp.hci.ic.gov";
        } else if (region.startsWith("us-iso-")) {
            return "c2s.ic.gov";
        } else if (region.startsWith("eu-isoe-")) {
            return "cloud.adc-e.uk";
        }
        return "amazonaws.com";
    }

    /** Settings of an {@link AwsHttpCaller}; the defaults are the SDK's (3 attempts, 2 s to connect). */
    public static final class Builder {
        private final String signingName;
        private final String region;
        private URI endpoint;
        private String endpointPrefix;
        private String serviceId;
        private Map<String, String> environment = System.getenv();
        private AwsCredentials credentials;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private int maxAttempts = AwsRetries.DEFAULT_MAX_ATTEMPTS;
        private Duration baseDelay = AwsRetries.DEFAULT_BASE_DELAY;
        private Duration throttledBaseDelay = AwsRetries.DEFAULT_THROTTLED_BASE_DELAY;

        private Builder(String signingName, String region) {
            this.signingName = Objects.requireNonNull(signingName, "signingName");
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("the AWS region to call " + signingName + " in must be given");
            }
            this.region = region;
        }

        /** Another endpoint, such as a local stand-in's {@code http://127.0.0.1:4566}. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The region's endpoint's first label when it is not the signing name: SES v2 signs as {@code ses} but is
         * served at {@code email.<region>.amazonaws.com}.
         */
        public Builder endpointPrefix(String endpointPrefix) {
            this.endpointPrefix = endpointPrefix;
            return this;
        }

        /**
         * The service's id in the SDK ({@code Secrets Manager}, {@code SESv2}) when its upper-cased signing name is
         * not the {@code <SERVICE ID>} of {@code AWS_ENDPOINT_URL_<SERVICE ID>}.
         */
        public Builder serviceId(String serviceId) {
            this.serviceId = serviceId;
            return this;
        }

        /** Where {@code AWS_ENDPOINT_URL…} are read from: the process's environment unless a test gives one. */
        Builder environment(Map<String, String> environment) {
            this.environment = Objects.requireNonNull(environment);
            return this;
        }

        /** The key to sign with; by default the one Lambda gives the function ({@link AwsCredentials#fromEnvironment}). */
        public Builder credentials(AwsCredentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** The clock the signatures are dated by: the system's unless a test fixes it. */
        Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How long one attempt may take, from sending to the whole answer. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout);
            return this;
        }

        /** Attempts per call, the first included; 1 turns retries off. */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The backoff's starting points for faults and for throttling. */
        public Builder backoff(Duration baseDelay, Duration throttledBaseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay);
            this.throttledBaseDelay = Objects.requireNonNull(throttledBaseDelay);
            return this;
        }

        public AwsHttpCaller build() {
            return new AwsHttpCaller(this);
        }
    }
}
