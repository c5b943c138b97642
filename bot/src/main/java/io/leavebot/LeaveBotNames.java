package io.leavebot;

/**
 * Names that both the application ({@code bot}) and the AWS deployment ({@code infra}) use: the DynamoDB table of
 * leave records, its key attributes and its indexes, and the environment variable that carries the table name.
 * {@code infra} imports nothing else from {@code bot}; change a name here and both sides follow.
 */
public final class LeaveBotNames {
    /** Environment variable holding the leave table's name (set by the CDK stack on every function). */
    public static final String LEAVES_TABLE_ENV = "LEAVEBOT_LEAVES_TABLE";
    /** The leave table's name when nothing else is configured (local tooling, tests). */
    public static final String LEAVES_TABLE = "leavebot-leaves";

    /** Partition key of every item (string). */
    public static final String PARTITION_KEY = "pk";
    /** Sort key of every item (string). */
    public static final String SORT_KEY = "sk";

    /** GSI listing an employee's requests by creation time; every request has its keys. */
    public static final String EMPLOYEE_INDEX = "by-employee";
    public static final String EMPLOYEE_INDEX_PARTITION_KEY = "gsi1pk";
    public static final String EMPLOYEE_INDEX_SORT_KEY = "gsi1sk";

    /** Sparse GSI of the requests waiting for an approver; only PENDING requests carry its keys. */
    public static final String APPROVER_INDEX = "pending-by-approver";
    public static final String APPROVER_INDEX_PARTITION_KEY = "gsi2pk";
    public static final String APPROVER_INDEX_SORT_KEY = "gsi2sk";

    /**
     * Sparse GSI of the leave an approver's reports have taken or asked for, by first day; only PENDING and
     * APPROVED requests carry its keys (the sort key is the start date, then the id).
     */
    public static final String TEAM_INDEX = "open-by-approver";
    public static final String TEAM_INDEX_PARTITION_KEY = "gsi3pk";
    public static final String TEAM_INDEX_SORT_KEY = "gsi3sk";

    private LeaveBotNames() {
    }
}
