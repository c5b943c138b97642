package io.leavebot.email;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.durable.lambda.AwsApiException;
import io.leavebot.durable.lambda.AwsCredentials;
import io.leavebot.durable.lambda.AwsHttpCaller;
import io.leavebot.durable.lambda.AwsRequest;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends through Amazon SES v2: {@code SendEmail} ({@code POST /v2/email/outbound-emails}, REST-JSON, signed as
 * {@code ses}) with simple content: subject, text and HTML, all UTF-8. It speaks the wire format itself over
 * {@link AwsHttpCaller} rather than through the SDK's SES client, which would add 2.5 MB and many classes to every
 * function's cold start. SES has no idempotency key, so de-duplication is the notifier's job (it records what was
 * sent); the key is not sent.
 */
public final class SesMailer implements Mailer {
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AwsHttpCaller ses;
    private final String where;

    /**
     * @param endpoint    another SES endpoint (e.g. aws-ses-v2-local), or null for the region's
     * @param credentials how requests are signed; null for the function role's, from the environment
     */
    public SesMailer(String region, URI endpoint, AwsCredentials credentials) {
        this.ses = AwsHttpCaller.builder("ses", region)
                .endpointPrefix("email")
                .serviceId("SESv2")
                .endpoint(endpoint)
                .credentials(credentials)
                .connectTimeout(Duration.ofSeconds(10))
                .requestTimeout(Duration.ofSeconds(30))
                .build();
        this.where = endpoint != null ? endpoint.toString() : region;
    }

    @Override
    public void send(Email email) {
        AwsRequest request = AwsRequest.post(SEND_EMAIL, "application/json",
                sendEmailBody(email).toString().getBytes(StandardCharsets.UTF_8));
        try {
            ses.call(request);
        } catch (AwsApiException e) {
            // the service's code and message describe the refusal (e.g. an unverified sender), never the content;
            // throttling and SES's own errors pass, a refusal (unverified sender, bad address) would recur
            boolean mayPass = e.isRetryable();
            throw new MailException("SES (" + where + ") " + (mayPass ? "could not take" : "refused") + " the message: "
                    + (e.errorCode() == null ? "" : e.errorCode() + ": ") + e.getMessage() + " (HTTP " + e.status() + ")",
                    e, mayPass);
        } catch (UncheckedIOException e) {
            throw new MailException("SES (" + where + ") could not be reached: " + e.getMessage(), e, true);
        } catch (AwsCredentials.MissingException e) {
            // the function's environment has no key, and will not have one on the next try either
            throw new MailException("SES (" + where + ") could not be called: " + e.getMessage(), e, false);
        }
    }

    /** SendEmail's request: the SES v2 API reference's field names, as the SDK's SesV2Client writes them. */
    private static ObjectNode sendEmailBody(Email email) {
        ObjectNode body = JSON.createObjectNode();
        body.put("FromEmailAddress", email.from());
        body.putObject("Destination").putArray("ToAddresses").add(email.to());
        ObjectNode simple = body.putObject("Content").putObject("Simple");
        utf8(simple.putObject("Subject"), email.subject());
        ObjectNode parts = simple.putObject("Body");
        utf8(parts.putObject("Text"), email.text());
        utf8(parts.putObject("Html"), email.html());
        return body;
    }

    private static void utf8(ObjectNode content, String data) {
        content.put("Data", data).put("Charset", StandardCharsets.UTF_8.name());
    }
}
