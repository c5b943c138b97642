package io.leavebot.workflow;

import io.leavebot.testing.StoreAndMail;

/** The leave workflow self-hosted: leave records in a SQLite file, e-mail over SMTP (GreenMail). */
class LeaveWorkflowTest extends LeaveWorkflowContract {
    @Override
    StoreAndMail storeAndMail() {
        return StoreAndMail.sqliteAndSmtp();
    }
}
