package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.leavebot.calendar.WhosOut;
import io.leavebot.calendar.WhosOut.Section;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The digest within Block Kit's limits, whatever the size of the company, and names shown as typed. */
class SlackDigestChannelTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void sixtyTeamsFitInFiftyBlocksTheLastOnesTogether() {
        List<Section> teams = IntStream.rangeClosed(1, 60).mapToObj(n -> new Section(String.format("Team %02d", n),
                List.of("Person " + n + " — out, back Thu 3 Dec"), List.of())).toList();

        List<LayoutBlock> blocks = SlackDigestChannel.blocks(new WhosOut(DAY, teams));

        assertEquals(SlackDigestChannel.MAX_BLOCKS, blocks.size());
        String last = ((SectionBlock) blocks.get(blocks.size() - 1)).getText().getText();
        assertTrue(last.startsWith("*Team 49*") && last.endsWith("• Person 60 — out, back Thu 3 Dec"), last);
    }

    @Test
    void aTeamTooLongForOneSectionIsCutWithAnEllipsis() {
        List<String> people = IntStream.range(0, 200).mapToObj(n -> "Someone with a long name " + n + " — out, back Mon 7 Dec").toList();

        List<LayoutBlock> blocks = SlackDigestChannel.blocks(new WhosOut(DAY, List.of(new Section("Everyone", people, List.of()))));

        String text = ((SectionBlock) blocks.get(1)).getText().getText();
        assertEquals(3000, text.length());
        assertTrue(text.endsWith("…"));
    }

    @Test
    void namesCannotMentionTheChannel() {
        var digest = new WhosOut(DAY, List.of(new Section(null, List.of("<!channel> Eve — out, back Thu 3 Dec"), List.of())));

        String text = ((SectionBlock) SlackDigestChannel.blocks(digest).get(1)).getText().getText();

        assertEquals("• &lt;!channel&gt; Eve — out, back Thu 3 Dec", text);
    }
}
