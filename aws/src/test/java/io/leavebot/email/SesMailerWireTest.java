package io.leavebot.email;

import io.leavebot.durable.lambda.AwsCredentials;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.leavebot.notify.TransientFailures;
import io.leavebot.testing.SignedWire;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;

/**
 * SES v2 {@code SendEmail} on the wire: {@link SesMailer} sends what the SDK's {@code SesV2Client} sends for the same
 * message, and SES's answers (the REST-JSON error shapes: {@code x-amzn-ErrorType} and a {@code message}) are
 * refusals or failures that may pass as before. SES itself cannot run here, so WireMock plays it.
 */
class SesMailerWireTest {
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";
    private static final StaticCredentialsProvider KEY = StaticCredentialsProvider.create(SignedWire.KEY);
    private static final AwsCredentials OURS = AwsCredentials.of(SignedWire.KEY.accessKeyId(), SignedWire.KEY.secretAccessKey());

    private final WireMockServer ses = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));

    @BeforeEach
    void start() {
        ses.start();
        ses.stubFor(post(urlEqualTo(SEND_EMAIL)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"MessageId\":\"0100018c-EXAMPLE-000000\"}")));
    }

    @AfterEach
    void stop() {
        ses.stop();
    }

    @Test
    void sendEmailIsTheCallTheSdkMakes() {
        Email email = SampleEmails.approvalRequest("leave-req-7f3a9c/manager-approval");
        try (SesV2Client sdk = sdkClient()) {
            sdk.sendEmail(r -> r.fromEmailAddress(email.from()).destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m.subject(utf8(email.subject()))
                            .body(Body.builder().text(utf8(email.text())).html(utf8(email.html())).build()))));
        }
        new SesMailer("eu-west-1", endpoint(), OURS).send(email);

        List<LoggedRequest> calls = ses.findAll(postRequestedFor(urlEqualTo(SEND_EMAIL)));
        assertEquals(2, calls.size());
        SignedWire.assertSameCall(calls.get(0), calls.get(1), "eu-west-1", "ses");
    }

    @Test
    void anUnverifiedSenderIsARefusalThatNamesSesCodeAndReasonAndIsNotRetried() {
        answer(400, "MessageRejected", "Email address is not verified. The following identities failed the check in region "
                + "EU-WEST-1: leavebot@example.org");

        MailException e = sendFails();

        assertEquals("SES (" + endpoint() + ") refused the message: MessageRejected: Email address is not verified. The "
                + "following identities failed the check in region EU-WEST-1: leavebot@example.org (HTTP 400)", e.getMessage());
        assertFalse(e.mayPass());
        assertFalse(TransientFailures.mayPass(e));
        assertEquals(1, ses.countRequestsMatching(postRequestedFor(urlEqualTo(SEND_EMAIL)).build()).getCount());
    }

    @Test
    void throttlingAndSesOwnFailuresMayPass() {
        for (int status : new int[] {429, 500, 503}) {
            answer(status, status == 429 ? "TooManyRequestsException" : "InternalFailure", "Maximum sending rate exceeded.");

            MailException e = sendFails();

            assertTrue(e.getMessage().startsWith("SES (" + endpoint() + ") could not take the message: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("(HTTP " + status + ")"), e.getMessage());
            assertTrue(e.mayPass() && TransientFailures.mayPass(e), e.getMessage());
        }
    }

    @Test
    void theMessageItselfIsNeverInTheError() {
        answer(400, "BadRequestException", "Missing final '@domain'");

        MailException e = sendFails();

        assertFalse(e.getMessage().contains("Ada Lovelace"), e.getMessage());
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            assertFalse(String.valueOf(cause.getMessage()).contains("Ada Lovelace"), cause.toString());
        }
    }

    private MailException sendFails() {
        SesMailer mailer = new SesMailer("eu-west-1", endpoint(), OURS);
        return assertThrows(MailException.class, () -> mailer.send(SampleEmails.approvalRequest("k")));
    }

    /** SES's REST-JSON error: the type in {@code x-amzn-ErrorType} (with its namespace), the text in {@code message}. */
    private void answer(int status, String errorType, String message) {
        ses.resetAll();
        ses.stubFor(post(urlEqualTo(SEND_EMAIL)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazonaws.services.sesv2/")
                .withHeader("x-amzn-RequestId", "6a5e1c9e-EXAMPLE")
                .withBody("{\"message\":\"" + message + "\"}")));
    }

    private URI endpoint() {
        return URI.create(ses.baseUrl());
    }

    private SesV2Client sdkClient() {
        return SesV2Client.builder().region(Region.EU_WEST_1).credentialsProvider(KEY).endpointOverride(endpoint())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
