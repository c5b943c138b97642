package io.leavebot.store;

import static io.leavebot.LeaveBotNames.OPEN_INDEX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.OPEN_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.store.DynamoDbLeaveItems.s;

import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Everyone's PENDING and APPROVED leave by the month it starts in ({@link io.leavebot.LeaveBotNames#OPEN_INDEX}):
 * {@code gsi4pk = OPEN#<start month>, gsi4sk = <employee key>#<start date>#<id>}, written with the request and
 * removed by the decision or cancellation that closes it, like {@code gsi3}. Beside it, one item
 * ({@code pk = INDEX#open-by-start-month, sk = SPAN}) holds the longest leave the index was ever given, in days
 * from first to last, so that a reader knows how many months before its period a leave reaching into it may start.
 *
 * <p>Order: each month's partition is sorted by employee key, start and id, and the months are merged as they are
 * read (one page per month in memory), so the answer comes in the port's order without holding a period's leave.
 * (A key with a character sorting before {@code #}, such as {@code !}, could sort one person's leave apart; e-mail
 * addresses and chat keys have none in practice.)
 */
final class DynamoDbOpenLeave {
    private static final String PARTITION_PREFIX = OPEN_INDEX_KEY_PREFIX;
    private static final String META_PARTITION = "INDEX#" + OPEN_INDEX;
    private static final Map<String, DynamoDbValue> SPAN_KEY = Map.of(PARTITION_KEY, s(META_PARTITION), SORT_KEY, s("SPAN"));
    private static final Map<String, DynamoDbValue> BACKFILLED_KEY =
            Map.of(PARTITION_KEY, s(META_PARTITION), SORT_KEY, s("BACKFILLED"));
    private static final String DAYS = "days";
    /** Items per page of a month's query: with one page per month held by the merge, a year stays small in memory. */
    private static final int PAGE = 200;
    private static final Comparator<LeaveRequest> PORT_ORDER = Comparator.comparing((LeaveRequest r) -> r.employee().key())
            .thenComparing(LeaveRequest::start).thenComparing(LeaveRequest::id);
    private static final String OPEN = "#status IN (:pending, :approved)";
    private static final Map<String, DynamoDbValue> OPEN_VALUES = Map.of(":pending", s(LeaveStatus.PENDING.name()),
            ":approved", s(LeaveStatus.APPROVED.name()));

    private final DynamoDb client;
    private final String table;

    DynamoDbOpenLeave(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    /** The index keys of a request while it is PENDING or APPROVED. */
    static Map<String, DynamoDbValue> keys(LeaveRequest r) {
        return Map.of(OPEN_INDEX_PARTITION_KEY, s(PARTITION_PREFIX + YearMonth.from(r.start())),
                OPEN_INDEX_SORT_KEY, s(r.employee().key() + "#" + r.start() + "#" + r.id()));
    }

    /**
     * Makes the recorded longest leave at least as long as {@code r}; called before the request's keys are written,
     * so that a reader never looks too few months back (a crash in between leaves it only longer than needed).
     */
    void widenSpan(LeaveRequest r) {
        long days = ChronoUnit.DAYS.between(r.start(), r.end());
        try {
            client.updateItem(b -> b.tableName(table).key(SPAN_KEY).updateExpression("SET #days = :days")
                    .conditionExpression("attribute_not_exists(#days) OR #days < :days")
                    .expressionAttributeNames(Map.of("#days", DAYS))
                    .expressionAttributeValues(Map.of(":days", DynamoDbValue.fromN(Long.toString(days)))));
        } catch (ConditionalCheckFailedException longEnoughAlready) {
            // a leave at least as long was recorded before
        }
    }

    void forEach(LocalDate from, LocalDate to, Consumer<LeaveRequest> each) {
        YearMonth first = YearMonth.from(from.minusDays(longestSpan()));
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparing(Head::current, PORT_ORDER));
        for (YearMonth month = first; !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            Head.start(month(month, from, to)).ifPresent(heads::add);
        }
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            each.accept(head.current());
            if (head.advance()) {
                heads.add(head);
            }
        }
    }

    /**
     * Gives the index keys to the PENDING and APPROVED requests written before the index existed (one scan, once per
     * table: a mark records that it ran). Each update is conditional on the request still being open and keyless, so
     * it is safe beside decisions made meanwhile and when two functions run it at once.
     *
     * @return how many requests it gave keys to
     */
    int backfill() {
        if (!client.getItem(b -> b.tableName(table).key(BACKFILLED_KEY).consistentRead(true)).isEmpty()) {
            return 0;
        }
        Iterator<Map<String, DynamoDbValue>> items = client.scan(b -> b.tableName(table).consistentRead(true)
                .filterExpression("#sk = :leave AND " + OPEN + " AND attribute_not_exists(#openPk)")
                .expressionAttributeNames(Map.of("#sk", SORT_KEY, "#status", DynamoDbLeaveItems.STATUS,
                        "#openPk", OPEN_INDEX_PARTITION_KEY))
                .expressionAttributeValues(with(OPEN_VALUES, ":leave", s("LEAVE")))).iterator();
        int given = 0;
        while (items.hasNext()) {
            given += giveKeys(DynamoDbLeaveItems.fromItem(items.next())) ? 1 : 0;
        }
        client.putItem(b -> b.tableName(table).item(BACKFILLED_KEY));
        return given;
    }

    private boolean giveKeys(LeaveRequest r) {
        widenSpan(r);
        Map<String, DynamoDbValue> keys = keys(r);
        try {
            client.updateItem(b -> b.tableName(table).key(DynamoDbLeaveItems.requestKey(r.id()))
                    .updateExpression("SET #openPk = :openPk, #openSk = :openSk")
                    .conditionExpression(OPEN + " AND attribute_not_exists(#openPk)")
                    .expressionAttributeNames(Map.of("#status", DynamoDbLeaveItems.STATUS, "#openPk", OPEN_INDEX_PARTITION_KEY,
                            "#openSk", OPEN_INDEX_SORT_KEY))
                    .expressionAttributeValues(with(with(OPEN_VALUES, ":openPk", keys.get(OPEN_INDEX_PARTITION_KEY)),
                            ":openSk", keys.get(OPEN_INDEX_SORT_KEY))));
            return true;
        } catch (ConditionalCheckFailedException closedOrKeyedMeanwhile) {
            return false;
        }
    }

    private long longestSpan() {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table).key(SPAN_KEY).consistentRead(true));
        return item == null || !item.containsKey(DAYS) ? 0 : Long.parseLong(item.get(DAYS).n());
    }

    /** The month's open leave that shares a day with [from, to], lazily, page by page. */
    private Iterator<LeaveRequest> month(YearMonth month, LocalDate from, LocalDate to) {
        return client.query(b -> b.tableName(table).indexName(OPEN_INDEX).limit(PAGE)
                .keyConditionExpression("#pk = :pk")
                .filterExpression(OPEN + " AND #start <= :to AND #end >= :from")
                .expressionAttributeNames(Map.of("#pk", OPEN_INDEX_PARTITION_KEY, "#status", DynamoDbLeaveItems.STATUS,
                        "#start", DynamoDbLeaveItems.START, "#end", DynamoDbLeaveItems.END))
                .expressionAttributeValues(with(with(with(OPEN_VALUES, ":pk", s(PARTITION_PREFIX + month)),
                        ":from", s(from.toString())), ":to", s(to.toString()))))
                .map(DynamoDbLeaveItems::fromItem).iterator();
    }

    private static Map<String, DynamoDbValue> with(Map<String, DynamoDbValue> values, String name, DynamoDbValue value) {
        Map<String, DynamoDbValue> more = new HashMap<>(values);
        more.put(name, value);
        return more;
    }

    /** A month's stream and the request it is at, for the merge. */
    private static final class Head {
        private final Iterator<LeaveRequest> rest;
        private LeaveRequest current;

        private Head(Iterator<LeaveRequest> rest) {
            this.rest = rest;
        }

        static Optional<Head> start(Iterator<LeaveRequest> stream) {
            Head head = new Head(stream);
            return head.advance() ? Optional.of(head) : Optional.empty();
        }

        LeaveRequest current() {
            return current;
        }

        boolean advance() {
            current = rest.hasNext() ? rest.next() : null;
            return current != null;
        }
    }
}
