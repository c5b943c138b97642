package io.leavebot.store;

import io.leavebot.balance.Deduction;
import io.leavebot.balance.LedgerEntry;
import io.leavebot.leave.ApprovalChain;
import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.LeaveStore;
import io.leavebot.leave.NewRequestCheck;
import io.leavebot.leave.Person;
import io.leavebot.notify.DigestDays;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.ChatAddressBook;
import io.leavebot.notify.NotificationLog;
import io.leavebot.notify.SentNotification;
import io.leavebot.notify.UserTokens;
import io.leavebot.exports.FeedTokens;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;
import static io.leavebot.store.DynamoDbLeaveItems.s;

import io.leavebot.store.DynamoDbRequest.ReturnValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link LeaveStore} in one DynamoDB table (layout in {@link DynamoDbLeaveItems}, names in
 * {@link io.leavebot.LeaveBotNames}). Every write is a single conditional request — {@code attribute_not_exists}
 * for creates, {@code #status = :pending} for decisions — and no transactions are used. Reads of one request are
 * strongly consistent; the listings read global secondary indexes, which DynamoDB keeps eventually consistent, so
 * a request written a moment ago may be missing from them for a moment. The {@link AwayCalendar} is
 * {@link DynamoDbAwayCalendar}'s, in the same table, and so is the leave ledger ({@link DynamoDbLedger}, also without
 * transactions). Thread-safe, like the client.
 */
public final class DynamoDbLeaveStore implements Store, AwayCalendarParts, UserTokenParts, FeedTokenParts {
    private static final String STATUS_IS_PENDING = "#status = :pending";

    private final DynamoDb client;
    private final String table;
    private final AwayCalendar away;
    private final DynamoDbLedger ledger;
    private final UserTokens userTokens;
    private final FeedTokens feeds;
    private final DynamoDbOpenLeave open;
    private volatile StoreObserver observer = StoreObserver.NONE;

    public DynamoDbLeaveStore(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
        this.away = new DynamoDbAwayCalendar(client, table);
        this.ledger = new DynamoDbLedger(client, table);
        this.userTokens = new DynamoDbUserTokens(client, table);
        this.feeds = new DynamoDbFeedTokens(client, table);
        this.open = new DynamoDbOpenLeave(client, table);
    }

    /**
     * Tells {@code value} of each decision recorded: the time since the person's answer, and how long its writes took
     * (as {@link StoreObserver#committed}: the ledger's and the request's, not the waiting items' clean-up after).
     */
    public void observe(StoreObserver value) {
        this.observer = java.util.Objects.requireNonNull(value, "observer");
    }

    @Override
    public LeaveRequest create(LeaveRequest request) {
        NewRequestCheck.require(request);
        open.widenSpan(request);
        try {
            client.putItem(b -> b.tableName(table).item(DynamoDbLeaveItems.toItem(request))
                    .conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return request;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return get(request.id()).orElseThrow();
        }
    }

    @Override
    public Optional<LeaveRequest> get(String id) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.requestKey(id)).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbLeaveItems.fromItem(item));
    }

    /**
     * Single-item writes, in an order that is safe to repeat: the chain (only while PENDING; an item of the old
     * shape becomes version 2 and leaves the approver index), then a pointer for each callback (before the approver
     * hears of it, so an answer by its id always finds the request), then the waiting items of who it waits on now,
     * then the removal of those of who it no longer waits on. A crash in between leaves at most a stale waiting
     * item, which {@link #listPendingByApprover} ignores and the next update removes. The update returns the item
     * as it was, so who it waited on before is what it replaced, and the request afterwards is that one with the
     * new chain: no read before or after (only when the update is refused, to tell a decided request from none).
     */
    @Override
    public LeaveRequest updateChain(String id, ApprovalChain chain) {
        Map<String, DynamoDbValue> values = Map.of(":pending", s(LeaveStatus.PENDING.name()),
                ":chain", s(ChainJson.write(chain)), ":version", DynamoDbValue.fromN(Integer.toString(DynamoDbLeaveItems.LATEST)));
        String update = "SET " + DynamoDbLeaveItems.CHAIN + " = :chain, " + DynamoDbLeaveItems.SCHEMA_VERSION + " = :version"
                + " REMOVE " + APPROVER_INDEX_PARTITION_KEY + ", " + APPROVER_INDEX_SORT_KEY + ", " + DynamoDbLeaveItems.CALLBACK_ID;
        LeaveRequest before;
        try {
            before = DynamoDbLeaveItems.fromItem(client.updateItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(id))
                    .updateExpression(update).conditionExpression(STATUS_IS_PENDING)
                    .expressionAttributeNames(Map.of("#status", DynamoDbLeaveItems.STATUS))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD)));
        } catch (ConditionalCheckFailedException notPending) {
            return requireExists(id); // decided: unchanged
        }
        LeaveRequest after = before.withChain(chain);
        for (String callbackId : chain.callbackIds()) {
            client.putItem(b -> b.tableName(table).item(DynamoDbLeaveItems.callbackItem(callbackId, id)));
        }
        for (Person person : after.waitingOn()) {
            client.putItem(b -> b.tableName(table).item(DynamoDbLeaveItems.waitingItem(person, after)));
        }
        removeWaiting(before, after.waitingOn());
        return after;
    }

    /** Deletes the request's waiting items of everyone it waited on who is not in {@code still}. */
    private void removeWaiting(LeaveRequest request, List<Person> still) {
        for (Person person : request.chain().waitingOn()) {
            if (still.stream().noneMatch(person::isSameAs)) {
                Map<String, DynamoDbValue> item = DynamoDbLeaveItems.waitingItem(person, request);
                client.deleteItem(b -> b.tableName(table).key(Map.of(PARTITION_KEY, item.get(PARTITION_KEY), SORT_KEY, item.get(SORT_KEY))));
            }
        }
    }

    /**
     * Also removes the request from the approver's pending index (its keys exist only while PENDING) and, unless it
     * is APPROVED, from the approver's team index (its keys exist only while PENDING or APPROVED), in the same
     * conditional update. With a deduction, the ledger's sums are checked and its entries written first
     * ({@link DynamoDbLedger} says why that order is safe); if another decision came first, they are taken back.
     */
    @Override
    public LeaveRequest decide(String id, LeaveStatus to, Decision decision, Instant at, Deduction deduction) {
        NewRequestCheck.requireFinal(to);
        long began = System.nanoTime();
        List<LedgerEntry> taken = List.of();
        if (deduction != null) {
            LeaveRequest request = requireExists(id);
            if (request.status() != LeaveStatus.PENDING) {
                return request;
            }
            LedgerWrites.requireFits(request, to, deduction);
            taken = deduction.entries(id, at, decision == null ? null : decision.by());
            ledger.take(deduction, taken);
        }
        Map<String, DynamoDbValue> values = new HashMap<>(Map.of(":pending", s(LeaveStatus.PENDING.name()),
                ":to", s(to.name()), ":at", s(DynamoDbLeaveItems.instant(at))));
        String set = "SET #status = :to, " + DynamoDbLeaveItems.UPDATED_AT + " = :at";
        if (decision != null) {
            values.put(":decision", DynamoDbLeaveItems.decision(decision));
            set += ", " + DynamoDbLeaveItems.DECISION + " = :decision";
        }
        String remove = " REMOVE " + APPROVER_INDEX_PARTITION_KEY + ", " + APPROVER_INDEX_SORT_KEY;
        if (to != LeaveStatus.APPROVED) {
            remove += ", " + TEAM_INDEX_PARTITION_KEY + ", " + TEAM_INDEX_SORT_KEY + ", " + OPEN_INDEX_PARTITION_KEY + ", "
                    + OPEN_INDEX_SORT_KEY;
        }
        String update = set + remove;
        LeaveRequest decided;
        try {
            decided = DynamoDbLeaveItems.fromItem(client.updateItem(b -> b.tableName(table)
                    .key(DynamoDbLeaveItems.requestKey(id)).updateExpression(update)
                    .conditionExpression(STATUS_IS_PENDING).expressionAttributeNames(Map.of("#status", DynamoDbLeaveItems.STATUS))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_NEW)));
        } catch (ConditionalCheckFailedException notPending) {
            LeaveRequest stored = requireExists(id);
            if (stored.status() != LeaveStatus.APPROVED) {
                ledger.release(taken);
            }
            return stored;
        }
        observer.committed(Duration.ofNanos(System.nanoTime() - began));
        if (decision != null && decision.by() != null && decision.at() != null) {
            observer.decisionRecorded(Duration.between(decision.at(), at)); // a person's answer, not an expiry
        }
        removeWaiting(decided.withStatus(LeaveStatus.PENDING, null, at), List.of());
        return decided;
    }

    /**
     * A conditional update (APPROVED and starting after {@code today}; it also leaves the team index), then, whenever
     * the request is CANCELLED, a refund for each of its TAKEN entries that has none yet: a cancel repeated after a
     * crash completes the refunds, each written and counted once.
     */
    @Override
    public LeaveRequest cancel(String id, Decision cancellation, LocalDate today) {
        LedgerWrites.requireCancellation(cancellation);
        Map<String, DynamoDbValue> values = Map.of(":approved", s(LeaveStatus.APPROVED.name()),
                ":cancelled", s(LeaveStatus.CANCELLED.name()), ":today", s(today.toString()),
                ":at", s(DynamoDbLeaveItems.instant(cancellation.at())), ":decision", DynamoDbLeaveItems.decision(cancellation));
        String update = "SET #status = :cancelled, " + DynamoDbLeaveItems.UPDATED_AT + " = :at, " + DynamoDbLeaveItems.DECISION
                + " = :decision REMOVE " + TEAM_INDEX_PARTITION_KEY + ", " + TEAM_INDEX_SORT_KEY + ", " + OPEN_INDEX_PARTITION_KEY
                + ", " + OPEN_INDEX_SORT_KEY;
        try {
            client.updateItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(id)).updateExpression(update)
                    .conditionExpression("#status = :approved AND #start > :today")
                    .expressionAttributeNames(Map.of("#status", DynamoDbLeaveItems.STATUS, "#start", DynamoDbLeaveItems.START))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException notCancellable) {
            // not APPROVED (perhaps cancelled before), started, or unknown: read below
        }
        LeaveRequest stored = requireExists(id);
        if (stored.status() == LeaveStatus.CANCELLED) {
            Decision cancelled = new Decision(stored.decision() == null ? null : stored.decision().by(), stored.updatedAt(), null);
            for (LedgerEntry taken : ledger.taken(stored.employee(), id)) {
                ledger.record(LedgerWrites.refundOf(taken, cancelled));
            }
        }
        return stored;
    }

    @Override
    public List<LedgerEntry> entries(Person person) {
        return ledger.entries(person);
    }

    @Override
    public LedgerEntry adjust(LedgerEntry adjustment) {
        LedgerWrites.requireAdjustment(adjustment);
        return ledger.record(adjustment);
    }

    @Override
    public Optional<String> requestIdForCallback(String callbackId) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.callbackKey(callbackId)).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(item.get("requestId").s());
    }

    @Override
    public void recordWatch(String requestId, String callbackId) {
        Map<String, DynamoDbValue> item = new HashMap<>(DynamoDbLeaveItems.watchKey(requestId));
        item.put(DynamoDbLeaveItems.CALLBACK_ID, DynamoDbValue.fromS(callbackId));
        client.putItem(b -> b.tableName(table).item(item)); // a later round's callback replaces the one before
    }

    @Override
    public Optional<String> watchCallback(String requestId) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.watchKey(requestId)).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(item.get(DynamoDbLeaveItems.CALLBACK_ID).s());
    }

    @Override
    public void forEachOverlapping(LocalDate from, LocalDate to, Consumer<LeaveRequest> each) {
        open.forEach(from, to, each);
    }

    /**
     * Gives the keys of the open-leave index to the PENDING and APPROVED requests written before it existed, once
     * per table ({@link DynamoDbOpenLeave#backfill}); the workflow function calls it when it starts.
     *
     * @return how many requests got the keys (0 once done)
     */
    public int indexOpenLeave() {
        return open.backfill();
    }

    @Override
    public void recordAudit(AuditEntry entry) {
        putOnce(DynamoDbLeaveItems.toItem(entry));
    }

    @Override
    public List<AuditEntry> audit(String requestId) {
        return client.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :audit)")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#sk", SORT_KEY))
                .expressionAttributeValues(Map.of(":pk", s("LEAVE#" + requestId), ":audit", s(DynamoDbLeaveItems.AUDIT))))
                .map(DynamoDbLeaveItems::auditFrom).toList();
    }

    @Override
    public List<LeaveRequest> listByEmployee(Person employee) {
        return query(b -> b.indexName(EMPLOYEE_INDEX).scanIndexForward(false)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", EMPLOYEE_INDEX_PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbLeaveItems.employeePartition(employee)))));
    }

    /**
     * The waiting items of version 2 (each request read back, and kept only if it still waits on this person),
     * and the items of the old shape that the approver index still lists, oldest first.
     */
    @Override
    public List<LeaveRequest> listPendingByApprover(Person approver) {
        List<LeaveRequest> found = new java.util.ArrayList<>(client.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                        .expressionAttributeValues(Map.of(":pk", s(DynamoDbLeaveItems.WAITING + approver.key()))))
                .map(item -> get(item.get("requestId").s()))
                .flatMap(Optional::stream)
                .filter(r -> r.waitingOn().stream().anyMatch(approver::isSameAs))
                .toList());
        found.addAll(query(b -> b.indexName(APPROVER_INDEX).scanIndexForward(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", APPROVER_INDEX_PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbLeaveItems.approverPartition(approver))))));
        return found.stream().sorted(Comparator.comparing(LeaveRequest::createdAt).thenComparing(LeaveRequest::id)).toList();
    }

    @Override
    public List<LeaveRequest> findOverlaps(Person employee, LocalDate start, LocalDate end) {
        List<LeaveRequest> found = query(b -> b.indexName(EMPLOYEE_INDEX)
                .keyConditionExpression("#pk = :pk")
                .filterExpression("#status IN (:pending, :approved) AND #start <= :end AND #end >= :start")
                .expressionAttributeNames(Map.of("#pk", EMPLOYEE_INDEX_PARTITION_KEY, "#status", DynamoDbLeaveItems.STATUS,
                        "#start", DynamoDbLeaveItems.START, "#end", DynamoDbLeaveItems.END))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbLeaveItems.employeePartition(employee)),
                        ":pending", s(LeaveStatus.PENDING.name()), ":approved", s(LeaveStatus.APPROVED.name()),
                        ":start", s(start.toString()), ":end", s(end.toString()))));
        return found.stream().sorted(Comparator.comparing(LeaveRequest::start).thenComparing(LeaveRequest::id)).toList();
    }

    /**
     * Reads the sparse team index: its sort key starts with the start date, so the key condition keeps requests
     * starting by {@code end} (every key of a later start sorts at or after the day after {@code end}), and a
     * filter keeps those ending on {@code start} or later. The index order is the answer's order.
     */
    @Override
    public List<LeaveRequest> findTeamOverlaps(Person approver, LocalDate start, LocalDate end) {
        return query(b -> b.indexName(TEAM_INDEX).scanIndexForward(true)
                .keyConditionExpression("#pk = :pk AND #sk < :afterEnd")
                .filterExpression("#end >= :start")
                .expressionAttributeNames(Map.of("#pk", TEAM_INDEX_PARTITION_KEY, "#sk", TEAM_INDEX_SORT_KEY,
                        "#end", DynamoDbLeaveItems.END))
                .expressionAttributeValues(Map.of(":pk", s(DynamoDbLeaveItems.approverPartition(approver)),
                        ":afterEnd", s(end.plusDays(1).toString()), ":start", s(start.toString()))));
    }

    @Override
    public Optional<SentNotification> sent(String notificationKey) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.notificationKey(notificationKey)).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbLeaveItems.notificationFrom(item));
    }

    @Override
    public SentNotification recordSent(SentNotification sent) {
        return putOnce(DynamoDbLeaveItems.toItem(sent)) ? sent : sent(sent.key()).orElse(sent);
    }

    /** Writes the item unless one with its key exists: the first record stands. False when it was there before. */
    private boolean putOnce(Map<String, DynamoDbValue> item) {
        try {
            client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException firstOneWins) {
            return false;
        }
    }

    /** An unconditional put: the latest address of a person on a channel replaces the one before. */
    @Override
    public void saveAddress(ChatAddress address) {
        client.putItem(b -> b.tableName(table).item(DynamoDbLeaveItems.toItem(address)));
    }

    @Override
    public Optional<ChatAddress> addressOf(String channel, Person person) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table)
                .key(DynamoDbLeaveItems.addressKey(channel, person.key())).consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(DynamoDbLeaveItems.addressFrom(item));
    }

    /** Where the away periods and stand-ins are kept, on this store's connections. */
    @Override
    public AwayCalendar awayCalendar() {
        return away;
    }

    /** Who posts each day's who's-out digest, in this store's table. */
    public DigestDays digestDays() {
        return new DynamoDbDigestDays(client, table);
    }

    /** Where the calendar feeds' tokens are kept, in this store's table. */
    @Override
    public FeedTokens feedTokens() {
        return feeds;
    }

    /** Where the Slack user tokens are kept, in this store's table. */
    @Override
    public UserTokens userTokens() {
        return userTokens;
    }

    private List<LeaveRequest> query(Consumer<DynamoDbRequest> request) {
        return client.query(b -> request.accept(b.tableName(table))).map(DynamoDbLeaveItems::fromItem).toList();
    }

    private LeaveRequest requireExists(String id) {
        return get(id).orElseThrow(() -> new NoSuchElementException("no leave request with id " + id));
    }
}
