package io.leavebot.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JacksonSerDesTest {
    private final SerDes serDes = new JacksonSerDes();

    record LeaveRequest(String employee, LocalDate from, LocalDate to, List<String> approvers) {
    }

    @Test
    void roundTripsARecord() {
        var request = new LeaveRequest("U042", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 6), List.of("U007"));

        String json = serDes.serialize(request);

        assertEquals("{\"employee\":\"U042\",\"from\":\"2026-03-02\",\"to\":\"2026-03-06\",\"approvers\":[\"U007\"]}", json);
        assertEquals(request, serDes.deserialize(json, LeaveRequest.class));
    }

    @Test
    void writesDatesAsIsoTextAndRoundTripsOtherJavaTimeValues() {
        var instant = Instant.parse("2026-01-05T09:00:00.250Z");

        assertEquals("\"2026-01-05T09:00:00.250Z\"", serDes.serialize(instant));
        assertEquals(instant, serDes.deserialize(serDes.serialize(instant), Instant.class));
        assertEquals(Duration.ofDays(3), serDes.deserialize(serDes.serialize(Duration.ofDays(3)), Duration.class));
    }

    @Test
    void nullIsWrittenAsNoPayloadAndNoPayloadReadsAsNull() {
        assertNull(serDes.serialize(null));
        assertNull(serDes.deserialize(null, String.class));
        assertNull(serDes.deserialize("", LeaveRequest.class));
        assertNull(serDes.deserialize("null", LeaveRequest.class));
        assertNull(serDes.deserialize("\"ignored\"", Void.class));
    }

    @Test
    void membersAddedLaterAreIgnoredWhenReadingOlderTypes() {
        var read = serDes.deserialize("{\"employee\":\"U042\",\"halfDay\":true}", LeaveRequest.class);

        assertEquals("U042", read.employee());
    }

    @Test
    void unreadableJsonNamesTheTypeItWasReadAs() {
        var error = assertThrows(SerDesException.class, () -> serDes.deserialize("{not json", LeaveRequest.class));

        assertTrue(error.getMessage().startsWith("cannot read " + LeaveRequest.class.getName() + " from the stored JSON"),
                error.getMessage());
    }
}
