package io.leavebot.notify;

import java.time.LocalDate;
import java.util.List;

/**
 * The who's-out digest of one working morning, as a shared channel may see it: who is out that day and the rest of
 * its week, by team, with their days and whether their leave is approved yet; never a type or a reason (everyone in
 * the channel reads it). Small enough to checkpoint, so every channel posts the same digest.
 *
 * @param day     the morning it is for
 * @param weekEnd the last working day of that week it covers (the day itself on a week's last working day)
 * @param teams   by team name, the people in no team last; empty when everyone is in
 */
public record Digest(LocalDate day, LocalDate weekEnd, List<TeamOut> teams) {
    public Digest {
        teams = List.copyOf(teams);
    }

    /** Whether anybody is out from {@code day} to {@code weekEnd}. */
    public boolean everyoneIsIn() {
        return teams.isEmpty();
    }

    /**
     * @param team   its name in the routing file; null for the people in no team
     * @param people who is out today first, then by first day and name
     */
    public record TeamOut(String team, List<PersonOut> people) {
        public TeamOut {
            people = List.copyOf(people);
        }
    }

    /**
     * One leave of one person: its own first and last day (it may reach beyond the week).
     *
     * @param approved false while it still waits for a decision
     */
    public record PersonOut(String name, LocalDate start, LocalDate end, boolean halfDay, boolean approved) {
        /** Whether this leave covers {@code day}. */
        public boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }
}
