package io.leavebot.balance;

import io.leavebot.leave.Person;
import java.util.List;

/**
 * The stored lines of people's leave ledgers ({@link LedgerEntry}), kept by the same stores as the requests:
 * SQLite locally, DynamoDB on AWS. Leave taken and refunded is written by {@code LeaveStore.decide} and
 * {@code LeaveStore.cancel}, in the same write as the status; adjustments here. Implementations are thread-safe.
 */
public interface LeaveLedger {

    /** The person's entries, every type and year, oldest first (by time, then id). */
    List<LedgerEntry> entries(Person person);

    /**
     * Records an admin's adjustment. Idempotent by id: if an entry with this id exists, it is returned unchanged
     * and nothing is written.
     *
     * @throws IllegalArgumentException if the entry is not an ADJUSTMENT
     */
    LedgerEntry adjust(LedgerEntry adjustment);
}
