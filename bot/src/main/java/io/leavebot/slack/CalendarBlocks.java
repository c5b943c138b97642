package io.leavebot.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
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
    static List<LayoutBlock> whosOut(WhosOut whosOut) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(BlockKitText.plain(whosOut.title(), BlockKitText.HEADER)))));
        if (whosOut.nobodyOut()) {
            blocks.add(section(s -> s.text(markdownText(BlockKitText.mrkdwn(whosOut.nobodyOutSentence(), BlockKitText.SECTION)))));
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
            blocks.add(context(List.of(markdownText("…and more than fits in one message: App Home's team calendar shows "
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
    static List<LayoutBlock> home(CalendarView view, boolean weeksAhead) {
        String period = (weeksAhead ? "*The next 4 weeks*" : "*This week*") + " (" + CalendarWording.period(view) + ")";
        String legend = view.isEmpty() ? CalendarWording.nobodyOut(view)
                : APPROVED + " approved   " + PENDING + " pending. Colleagues' leave shows without its type or reason.";
        List<TextObject> fields = new ArrayList<>();
        List<TeamGroup> teams = view.teams();
        for (int i = 0; i < teams.size() && fields.size() < BlockKitText.FIELDS_PER_SECTION; i++) {
            boolean last = fields.size() == BlockKitText.FIELDS_PER_SECTION - 1 && i < teams.size() - 1;
            fields.add(markdownText(last ? "…and " + (teams.size() - i) + " more teams" : field(view, teams.get(i))));
        }
        return List.of(header(h -> h.text(plainText("Team calendar"))),
                section(s -> {
                    s.text(markdownText(period + "\n" + legend));
                    return fields.isEmpty() ? s : s.fields(fields);
                }),
                actions(a -> a.elements(List.of(button(b -> b.actionId(WEEKS).value(weeksAhead ? "1" : "4")
                        .text(plainText(weeksAhead ? "This week" : "Next 4 weeks")))))));
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
    private static List<LayoutBlock> sections(List<String> lines) {
        List<LayoutBlock> sections = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            if (text.length() > 0 && text.length() + 1 + line.length() > BlockKitText.SECTION) {
                String full = text.toString();
                sections.add(section(s -> s.text(markdownText(full))));
                text.setLength(0);
            }
            text.append(text.length() == 0 ? "" : "\n").append(line);
        }
        if (text.length() > 0) {
            String rest = text.toString();
            sections.add(section(s -> s.text(markdownText(rest))));
        }
        return sections;
    }
}
