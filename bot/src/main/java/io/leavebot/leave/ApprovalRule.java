package io.leavebot.leave;

/** How the approvers of one stage decide it. A rejection by any of them always rejects the stage. */
public enum ApprovalRule {
    /** A single approver. */
    ONE,
    /** The first approval by any one of the group approves the stage. */
    ANY,
    /** Every one of the group must approve. */
    ALL
}
