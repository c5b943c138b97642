package io.leavebot.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * A {@link CalendarView} as JSON, for pages and integrations: the period, its days, and per team each person's mark
 * of every day ({@code out}, {@code pending}, {@code day_off}, {@code in}, one per day) and their leave as the viewer
 * may see it ({@code type} and {@code reason} only when they may).
 */
public final class CalendarJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CalendarJson() {
    }

    public static ObjectNode of(CalendarView view) {
        ObjectNode root = JSON.createObjectNode().put("from", view.from().toString()).put("to", view.to().toString())
                .put("period", CalendarWording.period(view));
        if (view.isEmpty()) {
            root.put("nobody_out", CalendarWording.nobodyOut(view));
        }
        ArrayNode days = root.putArray("days");
        view.days().forEach(day -> days.addObject().put("date", day.date().toString()).put("label", CalendarWording.day(day.date()))
                .put("weekend", day.weekend()));
        ArrayNode teams = root.putArray("teams");
        for (TeamGroup group : view.teams()) {
            ObjectNode team = teams.addObject().put("team", group.team()).put("heading", CalendarWording.heading(view, group));
            ArrayNode people = team.putArray("people");
            for (PersonRow row : group.people()) {
                ObjectNode person = people.addObject().put("key", row.person().key()).put("name", row.person().name());
                ArrayNode marks = person.putArray("days");
                view.days().forEach(day -> marks.add(row.markOn(day.date()).name().toLowerCase(Locale.ROOT)));
                ArrayNode leave = person.putArray("leave");
                row.absences().forEach(absence -> leave.add(absence(absence)));
            }
        }
        return root;
    }

    private static ObjectNode absence(Absence absence) {
        return JSON.createObjectNode().put("id", absence.requestId()).put("start", absence.start().toString())
                .put("end", absence.end().toString()).put("half_day", absence.halfDay()).put("pending", absence.pending())
                .put("dates", CalendarWording.dates(absence)).put("what", CalendarWording.what(absence))
                .put("type", absence.type()).put("reason", absence.reason());
    }
}
