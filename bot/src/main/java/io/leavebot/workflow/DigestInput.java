package io.leavebot.workflow;

import java.time.LocalDate;

/** The input of a who's-out digest execution: the morning it is for. The same day always gives the same input. */
public record DigestInput(LocalDate day) {
}
