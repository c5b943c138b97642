package io.leavebot.notify;

import io.leavebot.notify.Digest.PersonOut;
import io.leavebot.notify.Digest.TeamOut;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of the who's-out digest, which Slack and Teams render each in their own way: a title, then one
 * section per team with a line per person. Dates as every other text gives them ({@link NotificationTexts#dayOf}).
 */
public final class DigestTexts {
    /** People in no team, when others are in one; without teams at all, the one section has no heading. */
    static final String NO_TEAM = "Not in a team";

    private DigestTexts() {
    }

    /** One team's section: its heading (null when nobody is in a team) and its lines. */
    public record Section(String heading, List<String> lines) {
    }

    public static String title(Digest digest) {
        return "Who's out — " + NotificationTexts.dayOf(digest.day());
    }

    /** What the digest says when nobody is out: posted all the same, so a quiet channel never means a broken bot. */
    public static String everyoneIsIn(Digest digest) {
        return digest.day().equals(digest.weekEnd()) ? "Everyone is in today."
                : "Everyone is in today and for the rest of the week.";
    }

    /** The sections, in the digest's order. */
    public static List<Section> sections(Digest digest) {
        boolean anyTeam = digest.teams().stream().anyMatch(team -> team.team() != null);
        List<Section> sections = new ArrayList<>();
        for (TeamOut team : digest.teams()) {
            List<String> lines = team.people().stream().map(person -> line(digest, person)).toList();
            sections.add(new Section(team.team() != null ? team.team() : anyTeam ? NO_TEAM : null, lines));
        }
        return sections;
    }

    /** The title and every section as plain text: the notification preview, and what a screen reader reads. */
    public static String plain(Digest digest) {
        StringBuilder text = new StringBuilder(title(digest));
        if (digest.everyoneIsIn()) {
            return text.append('\n').append(everyoneIsIn(digest)).toString();
        }
        for (Section section : sections(digest)) {
            if (section.heading() != null) {
                text.append("\n\n").append(section.heading());
            }
            section.lines().forEach(line -> text.append("\n• ").append(line));
        }
        return text.toString();
    }

    /** "Ada Lovelace — out today, until Fri 4 Dec 2026", "Alan Turing — Thu 3 Dec 2026 (half day), not yet approved". */
    static String line(Digest digest, PersonOut person) {
        String when;
        if (person.halfDay()) {
            when = person.covers(digest.day()) ? "out today (half day)" : NotificationTexts.dayOf(person.start()) + " (half day)";
        } else if (person.covers(digest.day())) {
            when = person.end().equals(digest.day()) ? "out today" : "out today, until " + NotificationTexts.dayOf(person.end());
        } else {
            when = person.start().equals(person.end()) ? NotificationTexts.dayOf(person.start())
                    : NotificationTexts.dayOf(person.start()) + " – " + NotificationTexts.dayOf(person.end());
        }
        return person.name() + " — " + when + (person.approved() ? "" : ", not yet approved");
    }
}
