package io.leavebot.calendar;

import java.util.List;
import java.util.Optional;

/**
 * The people of one team who are out in the period, by name.
 *
 * @param team the team's name in the routing file, or null for the people in none (without teams: everyone)
 */
public record TeamGroup(String team, List<PersonRow> people) {
    public TeamGroup {
        people = List.copyOf(people);
    }

    public Optional<String> teamName() {
        return Optional.ofNullable(team);
    }
}
