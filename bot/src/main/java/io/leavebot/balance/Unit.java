package io.leavebot.balance;

/** What a leave type's allowance is counted in. A day of leave is the person's hours per day in {@link #HOURS}. */
public enum Unit {
    DAYS, HOURS
}
