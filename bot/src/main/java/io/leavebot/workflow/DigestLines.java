package io.leavebot.workflow;

import io.leavebot.calendar.WhosOut;
import java.util.List;

/** One team's part of the digest, line by line, in exactly the words {@link WhosOut#lines} gives it. */
public final class DigestLines {
    private DigestLines() {
    }

    /** The heading (when there is one), the people out on the day, then "Later this week:" and theirs. */
    public static List<String> of(WhosOut digest, WhosOut.Section team) {
        // the lines of a digest of this team alone, less its title and the blank line after it
        List<String> lines = new WhosOut(digest.day(), List.of(team)).lines();
        return lines.subList(2, lines.size());
    }
}
