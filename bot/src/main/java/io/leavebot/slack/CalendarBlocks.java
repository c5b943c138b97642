package io.leavebot.slack;

import static io.leavebot.slack.BlockKit.markdownText;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leavebot.calendar.Absence;
import io.leavebot.calendar.CalendarView;
import io.leavebot.calendar.CalendarWording;
import io.leavebot.calendar.PersonRow;
import io.leavebot.calendar.TeamGroup;
import io.leavebot.calendar.WhosOut;
import java.util.ArrayList;
import java.util.List;

/**
 * The team calendar in Block Kit: {@code /leave whosout}'s reply (at most {@value #MESSAGE_BLOCKS} blocks, as Slack
 * allows a message), and the three blocks of App Home's "Team calendar" (one section whose fields are the teams).
 * Approved leave is marked {@value #APPROVED}, pending {@value #PENDING}.
 */
final class CalendarBlocks {
    /** action_id of Home's button switching between this week and the next 4 weeks; its value is the weeks to show. */
    static final String WEEKS = "calendar-weeks";
    static final String APPROVED = ":white_check_mark:";
    static final String PENDING = ":hourglass_flowing_sand:";
    /** Slack refuses a message of more blocks. */
    static final int MESSAGE_BLOCKS = 50;

    private CalendarBlocks() {
    }

    /** A header, then each team's people out on the day and later that week, in sections cut to Slack's limits. */
    static List<ObjectNode> whosOut(WhosOut whosOut) {
        List<ObjectNode> blocks = new ArrayList<>();
        blocks.add(BlockKit.header(BlockKitText.plain(whosOut.title(), BlockKitText.HEADER)));
        if (whosOut.nobodyOut()) {
            blocks.add(BlockKit.section(markdownText(BlockKitText.mrkdwn(whosOut.nobodyOutSentence(), BlockKitText.SECTION))));
        }
        for (WhosOut.Section team : whosOut.teams()) {
            List<String> lines = new ArrayList<>();
            if (team.heading() != null) {
                lines.add("*" + BlockKitText.mrkdwn(team.heading(), BlockKitText.HEADER) + "*");
            }
            team.onTheDay().forEach(line -> lines.add(bullet(line)));
            if (!team.later().isEmpty()) {
                lines.add("_" + (team.onTheDay().isEmpty() ? "Later this week" : "Also later this week") + "_");
                team.later().forEach(line -> lines.add(bullet(line)));
            }
            blocks.addAll(sections(lines));
        }
        if (blocks.size() > MESSAGE_BLOCKS) {
            blocks.subList(MESSAGE_BLOCKS - 1, blocks.size()).clear();
            blocks.add(BlockKit.context(List.of(markdownText("…and more than fits in one message: App Home's team calendar shows "
                    + "the whole week."))));
        }
        return blocks;
    }

    /** The message's plain {@code text}, for notifications and clients without blocks. */
    static String fallback(WhosOut whosOut) {
        return BlockKitText.plain(whosOut.plainText(), BlockKitText.MESSAGE);
    }

    /**
     * Home's "Team calendar": a header, one section (the period and the legend, then one field per team, at most
     * {@value BlockKitText#FIELDS_PER_SECTION}), and the button to the other period.
     */
    static List<ObjectNode> home(CalendarView view, boolean weeksAhead) {
        String period = (weeksAhead ? "*The next 4 weeks*" : "*This week*") + " (" + CalendarWording.period(view) + ")";
        String legend = view.isEmpty() ? CalendarWording.nobodyOut(view)
                : APPROVED + " approved   " + PENDING + " pending. Colleagues' leave shows without its type or reason.";
        List<ObjectNode> fields = new ArrayList<>();
        List<TeamGroup> teams = view.teams();
        for (int i = 0; i < teams.size() && fields.size() < BlockKitText.FIELDS_PER_SECTION; i++) {
            boolean last = fields.size() == BlockKitText.FIELDS_PER_SECTION - 1 && i < teams.size() - 1;
            fields.add(markdownText(last ? "…and " + (teams.size() - i) + " more teams" : field(view, teams.get(i))));
        }
        return List.of(BlockKit.header("Team calendar"),
                BlockKit.section(markdownText(period + "\n" + legend), fields),
                BlockKit.actions(null, List.of(BlockKit.button(WEEKS, weeksAhead ? "This week" : "Next 4 weeks",
                        weeksAhead ? "1" : "4"))));
    }

    /** A team's field: its heading, then one line per leave: "✅ Ada Lovelace · Thu 15 Jan – Mon 19 Jan · annual leave". */
    private static String field(CalendarView view, TeamGroup team) {
        StringBuilder text = new StringBuilder();
        String heading = CalendarWording.heading(view, team);
        if (heading != null) {
            text.append('*').append(BlockKitText.mrkdwn(heading, BlockKitText.HEADER)).append('*');
        }
        for (PersonRow row : team.people()) {
            for (Absence absence : row.absences()) {
                String line = (absence.pending() ? PENDING : APPROVED) + " " + BlockKitText.mrkdwn(row.person().name() + " · "
                        + CalendarWording.dates(absence) + " · " + CalendarWording.what(absence), BlockKitText.FIELD)
                        + (absence.pending() ? " _(pending)_" : "");
                if (text.length() + 1 + line.length() > BlockKitText.FIELD - 2) {
                    return text.append("\n…").toString();
                }
                text.append(text.length() == 0 ? "" : "\n").append(line);
            }
        }
        return text.toString();
    }

    private static String bullet(String line) {
        return "• " + BlockKitText.mrkdwn(line, BlockKitText.SECTION - 2);
    }

    /** Lines (already mrkdwn) packed into sections of at most {@link BlockKitText#SECTION} chars, lines kept whole. */
    private static List<ObjectNode> sections(List<String> lines) {
        List<ObjectNode> sections = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() > 0 && text.length() + 1 + line.length() > BlockKitText.SECTION) {
                String full = text.toString();
                sections.add(BlockKit.section(markdownText(full)));
                text.setLength(0);
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        if (text.length() > 0) {
            String rest = text.toString();
            sections.add(BlockKit.section(markdownText(rest)));
        }
        return sections;
    }
}
