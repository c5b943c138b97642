package io.leavebot.email;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends through Amazon SES v2 ({@code SendEmail} with simple content: subject, text and HTML, all UTF-8). SES has
 * no idempotency key, so de-duplication is the notifier's job (it records what was sent); the key is not sent.
 * Close it to release its HTTP client.
 */
public final class SesMailer implements Mailer, AutoCloseable {
    private final SesV2Client client;
    private final String where;

    /** SES in {@code region} with the default AWS credentials chain (the Lambda role on AWS). */
    public SesMailer(Region region) {
        this(region, null, DefaultCredentialsProvider.builder().build());
    }

    /**
     * @param endpoint    another SES endpoint (e.g. aws-ses-v2-local), or null for the region's own
     * @param credentials how requests are signed
     */
    public SesMailer(Region region, URI endpoint, AwsCredentialsProvider credentials) {
        SesV2ClientBuilder builder = SesV2Client.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(30))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        this.client = builder.build();
        this.where = endpoint != null ? endpoint.toString() : region.id();
    }

    @Override
    public void send(Email email) {
        SendEmailRequest request = SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(d -> d.toAddresses(email.to()))
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.subject()))
                        .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build())))
                .build();
        try {
            client.sendEmail(request);
        } catch (AwsServiceException e) {
            // the service's code and message describe the refusal (e.g. an unverified sender), never the content
            String reason = e.awsErrorDetails() == null ? e.getMessage()
                    : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            // throttling and SES's own errors pass; a refusal (unverified sender, bad address) would recur
            boolean mayPass = e.isThrottlingException() || e.statusCode() == 429 || e.statusCode() >= 500;
            throw new MailException("SES (" + where + ") " + (mayPass ? "could not take" : "refused") + " the message: "
                    + reason + " (HTTP " + e.statusCode() + ")", e, mayPass);
        } catch (SdkException e) {
            throw new MailException("SES (" + where + ") could not be reached: " + e.getMessage(), e, true);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
