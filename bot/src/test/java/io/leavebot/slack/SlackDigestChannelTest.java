package io.leavebot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import io.leavebot.notify.Digest;
import io.leavebot.notify.Digest.PersonOut;
import io.leavebot.notify.Digest.TeamOut;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The digest within Block Kit's limits, whatever the size of the company. */
class SlackDigestChannelTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    @Test
    void sixtyTeamsFitInFiftyBlocksTheLastOnesTogether() {
        List<TeamOut> teams = IntStream.rangeClosed(1, 60).mapToObj(n -> new TeamOut(String.format("Team %02d", n),
                List.of(new PersonOut("Person " + n, DAY, DAY, false, true)))).toList();

        List<LayoutBlock> blocks = SlackDigestChannel.blocks(new Digest(DAY, DAY.plusDays(2), teams));

        assertEquals(SlackDigestChannel.MAX_BLOCKS, blocks.size());
        String last = ((SectionBlock) blocks.get(blocks.size() - 1)).getText().getText();
        assertTrue(last.startsWith("*Team 49*") && last.endsWith("• Person 60 — out today"), last);
    }

    @Test
    void aTeamTooLongForOneSectionIsCutWithAnEllipsis() {
        List<PersonOut> people = IntStream.range(0, 200).mapToObj(n -> new PersonOut("Someone with a long name " + n,
                DAY, DAY.plusDays(2), false, true)).toList();

        List<LayoutBlock> blocks = SlackDigestChannel.blocks(new Digest(DAY, DAY.plusDays(2), List.of(new TeamOut("Everyone", people))));

        String text = ((SectionBlock) blocks.get(1)).getText().getText();
        assertEquals(3000, text.length());
        assertTrue(text.endsWith("…"));
    }

    @Test
    void namesCannotMentionTheChannel() {
        var digest = new Digest(DAY, DAY, List.of(new TeamOut(null, List.of(new PersonOut("<!channel> Eve", DAY, DAY, false, true)))));

        String text = ((SectionBlock) SlackDigestChannel.blocks(digest).get(1)).getText().getText();

        assertEquals("• &lt;!channel&gt; Eve — out today", text);
    }
}
