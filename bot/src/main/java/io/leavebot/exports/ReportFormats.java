package io.leavebot.exports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The leave report written as it is read: CSV (RFC 4180: a header, commas, CRLF, fields with a comma, quote or line
 * break quoted) or JSON ({@code {"from", "to", "rows": [...]}}), row by row onto a writer.
 */
public final class ReportFormats {
    static final String HEADER = "employee_email,employee_name,type,days_taken,days_pending,balance,balance_unit";
    private static final JsonFactory JSON = new JsonFactory();

    private ReportFormats() {
    }

    /** Writes the report as CSV. */
    public static void csv(LeaveReport report, LocalDate from, LocalDate to, Writer out) throws IOException {
        out.write(HEADER + "\r\n");
        try {
            report.forEachRow(from, to, row -> {
                try {
                    out.write(String.join(",", text(row.employee().email()), text(row.employee().name()), text(row.type()),
                            number(row.daysTaken()), number(row.daysPending()), row.balance() == null ? "" : number(row.balance()),
                            row.unit() == null ? "" : row.unit().name().toLowerCase(Locale.ROOT)) + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** Writes the report as JSON. */
    public static void json(LeaveReport report, LocalDate from, LocalDate to, Writer out) throws IOException {
        JsonGenerator json = JSON.createGenerator(out);
        json.writeStartObject();
        json.writeStringField("from", from.toString());
        json.writeStringField("to", to.toString());
        json.writeArrayFieldStart("rows");
        try {
            report.forEachRow(from, to, row -> {
                try {
                    json.writeStartObject();
                    json.writeStringField("employee_email", row.employee().email());
                    json.writeStringField("employee_name", row.employee().name());
                    json.writeStringField("type", row.type());
                    json.writeNumberField("days_taken", BigDecimal.valueOf(row.daysTaken()).stripTrailingZeros());
                    json.writeNumberField("days_pending", BigDecimal.valueOf(row.daysPending()).stripTrailingZeros());
                    if (row.balance() == null) {
                        json.writeNullField("balance");
                        json.writeNullField("balance_unit");
                    } else {
                        json.writeNumberField("balance", row.balance().stripTrailingZeros());
                        json.writeStringField("balance_unit", row.unit().name().toLowerCase(Locale.ROOT));
                    }
                    json.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.flush();
    }

    /**
     * A text cell: quoted when RFC 4180 needs it, and a leading {@code = + - @} (or tab, carriage return) made inert
     * with an apostrophe, so a spreadsheet never runs a name as a formula. Number cells are LeaveBot's own and are
     * left alone, so a negative balance stays a number.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String cell = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
            return "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        return cell;
    }

    private static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
