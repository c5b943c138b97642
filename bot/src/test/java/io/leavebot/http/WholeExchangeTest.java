package io.leavebot.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An answer streamed onto an exchange answered whole (a Lambda function's) is gathered, within what Lambda can send. */
class WholeExchangeTest {
    private static final WebRequest REPORT = new WebRequest("GET", "/api/reports/leave.csv", "from=2027-01-01&to=2027-12-31",
            Map.of(), new byte[0]);

    @Test
    void aStreamedBodyIsSentWhole() throws IOException {
        WholeExchange exchange = new WholeExchange(REPORT);
        exchange.stream(200, "text/csv; charset=utf-8", Map.of(), out -> {
            out.write("a,b\r\n");
            out.write("1,2\r\n");
        });
        assertEquals(200, exchange.response().status());
        assertEquals("a,b\r\n1,2\r\n", exchange.response().body());
    }

    @Test
    void aBodyOverTheLimitIsAnswered413WithWhatToDo() throws IOException {
        WholeExchange exchange = new WholeExchange(REPORT);
        String row = "someone@example.com,Some One,annual,5,0,20,days\r\n";
        exchange.stream(200, "text/csv; charset=utf-8", Map.of(), out -> {
            for (int written = 0; written <= Exchange.WHOLE_BODY_LIMIT; written += row.length()) {
                out.write(row);
            }
        });
        assertEquals(413, exchange.response().status());
        assertTrue(exchange.response().body().contains("ask for a shorter period"), exchange.response().body());
    }
}
