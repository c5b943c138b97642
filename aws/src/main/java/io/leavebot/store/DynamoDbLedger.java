package io.leavebot.store;

import static io.leavebot.LeaveBotNames.LEDGER_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.store.DynamoDbLeaveItems.putText;
import static io.leavebot.store.DynamoDbLeaveItems.s;
import static io.leavebot.store.DynamoDbLeaveItems.text;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.InsufficientBalanceException;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.Person;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leave ledger of {@link DynamoDbLeaveStore}, in its table, with single-item conditional writes only (no
 * transactions: dynalite, our local DynamoDB, has none). A person's ledger is the partition
 * {@code LEDGER#<person key>}: an entry is {@code sk = ENTRY#<entry id>}, and the running sum of one type and leave
 * year is {@code sk = SUM#<type>#<leave year>} with {@value #NET}, the sum of the amounts counted in it, and
 * {@value #APPLIED}, the set of the ids of the entries counted.
 *
 * <p>Why this keeps the guarantees of one transaction:
 * <ul>
 * <li><b>No overdraft.</b> Leave is taken by one conditional update of the sum item, {@code ADD net} only if
 * {@code net >= floor + amount}; DynamoDB applies conditional updates of one item one at a time, so two approvals at
 * once can never both pass on the same days. A refusal undoes the parts of the same request this call applied.</li>
 * <li><b>Exactly once.</b> Every sum update also adds the entry's id to {@value #APPLIED}, on the condition that it
 * is not there yet; when a condition fails and the id is there, an earlier attempt did this part, and the write goes
 * on. Entries are put with {@code attribute_not_exists}. So every step may be repeated.</li>
 * <li><b>Crashes.</b> The writes come in an order that a repeat completes: for an approval the sums (the check), then
 * the entries, then the request's decision; for a refund or an adjustment the entry (so the first write of an id
 * decides its amount), then the sum. A crash in between leaves a sum ahead of or behind its entries until the
 * workflow step (or the admin's request) is retried with the same ids, which finishes the job without counting
 * anything twice.</li>
 * </ul>
 * Balances are worked out from the entries ({@link #entries}); the sums serve only the check.
 */
final class DynamoDbLedger {
    static final String NET = "net";
    static final String APPLIED = "applied";
    private static final String ENTRY = "ENTRY#";

    private final DynamoDb client;
    private final String table;

    DynamoDbLedger(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    /**
     * Takes each part from its year's sum, then writes the TAKEN entries; a part the sum cannot give undoes the parts
     * this call took and is thrown.
     */
    void take(Deduction deduction, List<LedgerEntry> entries) {
        List<LedgerEntry> takenNow = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            try {
                if (count(entries.get(i), deduction.parts().get(i).floor())) {
                    takenNow.add(entries.get(i));
                }
            } catch (InsufficientBalanceException refused) {
                takenNow.forEach(this::uncount);
                throw refused;
            }
        }
        entries.forEach(this::putOnce);
    }

    /** Takes back what {@link #take} wrote for entries whose approval did not stand (another decision came first). */
    void release(List<LedgerEntry> entries) {
        for (LedgerEntry entry : entries) {
            client.deleteItem(b -> b.tableName(table).key(entryKey(entry.person(), entry.id())));
            uncount(entry);
        }
    }

    /** Writes an entry that needs no check (a refund, an adjustment), once, and counts it once; returns it as stored. */
    LedgerEntry record(LedgerEntry entry) {
        LedgerEntry stored = putOnce(entry);
        count(stored, null);
        return stored;
    }

    Optional<LedgerEntry> entry(Person person, String id) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table).key(entryKey(person, id)).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The person's entries, oldest first (by time, then id). */
    List<LedgerEntry> entries(Person person) {
        return query(person, ENTRY).stream()
                .sorted(Comparator.comparing(LedgerEntry::at).thenComparing(LedgerEntry::id)).toList();
    }

    /** The request's TAKEN entries, in its employee's ledger (their ids start {@code taken/<request id>/}). */
    List<LedgerEntry> taken(Person employee, String requestId) {
        return query(employee, ENTRY + "taken/" + requestId + "/").stream()
                .filter(e -> e.kind() == LedgerEntry.Kind.TAKEN && requestId.equals(e.requestId())).toList();
    }

    /**
     * Counts the entry in its year's sum unless it is counted already, and only if the sum stays at or above
     * {@code floor} (null: no limit). True if this call counted it, false if an earlier one did.
     *
     * @throws InsufficientBalanceException if the sum would go below the floor
     */
    boolean count(LedgerEntry entry, BigDecimal floor) {
        Map<String, DynamoDbValue> values = new HashMap<>(Map.of(":amount", number(entry.amount()),
                ":ids", DynamoDbValue.fromSs(List.of(entry.id())), ":id", s(entry.id())));
        String condition = "NOT contains(#applied, :id)";
        if (floor != null) {
            BigDecimal threshold = floor.subtract(entry.amount()); // entry.amount() is negative: floor + what is taken
            values.put(":threshold", number(threshold));
            condition += threshold.signum() <= 0 ? " AND (#net >= :threshold OR attribute_not_exists(#net))" : " AND #net >= :threshold";
        }
        String check = condition;
        try {
            client.updateItem(b -> b.tableName(table).key(sumKey(entry)).updateExpression("ADD #net :amount, #applied :ids")
                    .conditionExpression(check).expressionAttributeNames(Map.of("#net", NET, "#applied", APPLIED))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            Map<String, DynamoDbValue> sum = client.getItem(b -> b.tableName(table).key(sumKey(entry)).consistentRead(true));
            if (floor == null || sum != null && sum.containsKey(APPLIED) && sum.get(APPLIED).ss().contains(entry.id())) {
                return false; // without a floor only the mark can fail: counted by an earlier attempt
            }
            BigDecimal net = sum == null || !sum.containsKey(NET) ? BigDecimal.ZERO : new BigDecimal(sum.get(NET).n());
            throw new InsufficientBalanceException(entry.type(), entry.leaveYear(), net.subtract(floor), entry.amount().negate());
        }
    }

    /** Takes the entry out of its year's sum if it is counted there. */
    private void uncount(LedgerEntry entry) {
        try {
            client.updateItem(b -> b.tableName(table).key(sumKey(entry)).updateExpression("ADD #net :amount DELETE #applied :ids")
                    .conditionExpression("contains(#applied, :id)").expressionAttributeNames(Map.of("#net", NET, "#applied", APPLIED))
                    .expressionAttributeValues(Map.of(":amount", number(entry.amount().negate()),
                            ":ids", DynamoDbValue.fromSs(List.of(entry.id())), ":id", s(entry.id()))));
        } catch (ConditionalCheckFailedException notCounted) {
            // undone before, or never counted
        }
    }

    /** Puts the entry unless one with its id exists; returns the stored one. */
    private LedgerEntry putOnce(LedgerEntry entry) {
        try {
            client.putItem(b -> b.tableName(table).item(toItem(entry)).conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return LedgerWrites.asStored(entry);
        } catch (ConditionalCheckFailedException firstOneStands) {
            return entry(entry.person(), entry.id()).orElseThrow();
        }
    }

    private List<LedgerEntry> query(Person person, String sortKeyPrefix) {
        return client.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#sk", SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", s(LEDGER_KEY_PREFIX + person.key()), ":prefix", s(sortKeyPrefix))))
                .map(DynamoDbLedger::fromItem).toList();
    }

    private static Map<String, DynamoDbValue> entryKey(Person person, String id) {
        return Map.of(PARTITION_KEY, s(LEDGER_KEY_PREFIX + person.key()), SORT_KEY, s(ENTRY + id));
    }

    private static Map<String, DynamoDbValue> sumKey(LedgerEntry entry) {
        return Map.of(PARTITION_KEY, s(LEDGER_KEY_PREFIX + entry.person().key()),
                SORT_KEY, s("SUM#" + entry.type() + "#" + entry.leaveYear()));
    }

    private static DynamoDbValue number(BigDecimal value) {
        return DynamoDbValue.fromN(value.toPlainString());
    }

    private static Map<String, DynamoDbValue> toItem(LedgerEntry e) {
        LedgerWrites.hundredths(e.amount());
        Map<String, DynamoDbValue> item = new HashMap<>(entryKey(e.person(), e.id()));
        item.put("id", s(e.id()));
        item.put("personKey", s(e.person().key()));
        putText(item, "personName", e.person().displayName());
        item.put("type", s(e.type()));
        item.put("leaveYear", DynamoDbValue.fromN(Integer.toString(e.leaveYear())));
        item.put("kind", s(e.kind().name()));
        item.put("amount", number(e.amount()));
        putText(item, "requestId", e.requestId());
        putText(item, "leaveStart", e.leaveStart() == null ? null : e.leaveStart().toString());
        item.put("at", s(DynamoDbLeaveItems.instant(e.at())));
        putText(item, "byKey", e.by() == null ? null : e.by().key());
        putText(item, "byName", e.by() == null ? null : e.by().displayName());
        putText(item, "reason", e.reason());
        return item;
    }

    private static LedgerEntry fromItem(Map<String, DynamoDbValue> item) {
        String leaveStart = text(item, "leaveStart");
        String byKey = text(item, "byKey");
        return new LedgerEntry(text(item, "id"), new Person(text(item, "personKey"), text(item, "personName")), text(item, "type"),
                Integer.parseInt(item.get("leaveYear").n()), LedgerEntry.Kind.valueOf(text(item, "kind")),
                LedgerWrites.normalized(new BigDecimal(item.get("amount").n())), text(item, "requestId"),
                leaveStart == null ? null : LocalDate.parse(leaveStart), Instant.parse(text(item, "at")),
                byKey == null ? null : new Person(byKey, text(item, "byName")), text(item, "reason"));
    }
}
