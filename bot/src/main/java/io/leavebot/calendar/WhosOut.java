package io.leavebot.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain words of "who is out on DAY and in the rest of that week, by team", as one viewer may see it:
 * {@code /leave whosout} in Slack and Teams and the morning digest all say this.
 *
 * @param day      the day asked about
 * @param teams    one section per team with someone out that day or later that week
 * @param everyone whether it is everyone's leave (a shared channel's digest), not what one viewer may see
 */
public record WhosOut(LocalDate day, List<Section> teams, boolean everyone) {
    public WhosOut {
        teams = List.copyOf(teams);
    }

    /**
     * One team's part.
     *
     * @param heading  the team's name, or "No team" for the people in none (null when nobody is in a team: one group)
     * @param onTheDay one line per person out on the day: "Ada Lovelace — annual leave, back Mon 7 Dec"
     * @param later    one line per person out later that week only: "Alan Turing — out from Thu 3 Dec (pending)"
     */
    public record Section(String heading, List<String> onTheDay, List<String> later) {
        public Section {
            onTheDay = List.copyOf(onTheDay);
            later = List.copyOf(later);
        }
    }

    /** "Who is out on Wed 2 Dec 2026". */
    public String title() {
        return "Who is out on " + CalendarWording.longDay(day);
    }

    public boolean nobodyOut() {
        return teams.isEmpty();
    }

    /** The sentence when {@link #nobodyOut}: "Nobody you can see is out on Wed 2 Dec 2026 or later that week." */
    public String nobodyOutSentence() {
        return (everyone ? "Nobody is out on " : "Nobody you can see is out on ") + CalendarWording.longDay(day)
                + " or later that week.";
    }

    /** All of it as plain lines: the title, then per team its heading, its people on the day and later that week. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(title());
        if (nobodyOut()) {
            lines.add(nobodyOutSentence());
        }
        for (Section section : teams) {
            lines.add("");
            if (section.heading() != null) {
                lines.add(section.heading());
            }
            section.onTheDay().forEach(line -> lines.add("• " + line));
            if (!section.later().isEmpty()) {
                lines.add(section.onTheDay().isEmpty() ? "Later this week:" : "Also later this week:");
                section.later().forEach(line -> lines.add("• " + line));
            }
        }
        return lines;
    }

    public String plainText() {
        return String.join("\n", lines());
    }
}
