package io.leavebot.durable.sigv4;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The canonical request as the AWS SDK for Java v2 builds it for a service other than S3 (whole signatures are
 * compared with the SDK's in {@code SigV4WireFidelityTest}).
 */
class SigV4Test {
    @Test
    void anEncodedArnInThePathIsEncodedASecondTime() {
        assertEquals("/2025-12-01/durable-executions/arn%253Aaws%253Alambda%253Aleave%253A%2524LATEST%252Fe1/history",
                SigV4.canonicalUri(URI.create("/2025-12-01/durable-executions/arn%3Aaws%3Alambda%3Aleave%3A%24LATEST%2Fe1/history")));
    }

    @Test
    void dotSegmentsAndDoubledSlashesAreNormalisedAway() {
        assertEquals("/a/c", SigV4.canonicalUri(URI.create("/a/./b/..//c")));
        assertEquals("/", SigV4.canonicalUri(URI.create("")));
    }

    @Test
    void queryParametersAreDecodedEncodedAndSortedByNameThenValue() {
        assertEquals("Marker=m%201%2B2&MaxItems=5&Statuses=FAILED&Statuses=RUNNING&empty=",
                SigV4.canonicalQuery("Statuses=RUNNING&MaxItems=5&Marker=m%201%2B2&Statuses=FAILED&empty&=dropped"));
    }

    @Test
    void signedHeaderValuesAreTrimmedAndRepeatedValuesJoined() {
        var headers = Map.of("host", List.of(" 127.0.0.1:9014 "), "x-amz-date", List.of("20261130T120000Z"),
                "x-multi", List.of("a", "  b \t c "));

        assertEquals("GET\n/p\nq=1\nhost:127.0.0.1:9014\nx-amz-date:20261130T120000Z\nx-multi:a,b c\n\n"
                        + "host;x-amz-date;x-multi\nHASH",
                SigV4.canonicalRequest("GET", URI.create("/p?q=1"), headers, List.of("host", "x-amz-date", "x-multi"), "HASH"));
    }
}
