package io.leavebot.store;

import io.leavebot.leave.AuditEntry;
import io.leavebot.leave.Decision;
import io.leavebot.leave.LeaveRequest;
import io.leavebot.leave.LeaveStatus;
import io.leavebot.leave.Person;
import io.leavebot.notify.ChatAddress;
import io.leavebot.notify.SentNotification;
import static io.leavebot.LeaveBotNames.ADDRESS_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.APPROVER_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.EMPLOYEE_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.NOTIFICATION_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_PARTITION_KEY;
import static io.leavebot.LeaveBotNames.TEAM_INDEX_SORT_KEY;
import static io.leavebot.LeaveBotNames.WAITING_KEY_PREFIX;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/**
 * The single-table layout of {@link DynamoDbLeaveStore}. A request is {@code pk = LEAVE#<id>, sk = LEAVE} with
 * {@code gsi1pk = EMPLOYEE#<employee key>} and, while PENDING only, {@code gsi2pk = APPROVER#<approver key>}; both
 * these index sort keys are the creation instant (fixed-width, so text order is time order) then the id. While
 * PENDING or APPROVED it also has {@code gsi3pk = APPROVER#<approver key>, gsi3sk = <start date>#<id>} (ISO dates,
 * so text order is date order), and the keys of everyone's open leave by start month ({@link DynamoDbOpenLeave}).
 * A delivered notification is {@code pk = NOTIFY#<key>, sk = NOTIFY}; a person's chat
 * address is {@code pk = ADDRESS#<channel>#<person key>, sk = ADDRESS}. Every approval callback a request had is
 * {@code pk = CALLBACK#<callback id>, sk = CALLBACK} naming the request, and its audit entries are
 * {@code pk = LEAVE#<id>, sk = AUDIT#<round, 6 digits>#<event>} beside the request, as is the callback its execution
 * waits on after approval, {@code pk = LEAVE#<id>, sk = WATCH} (none of these has index keys).
 *
 * <p>Schema versions: a request item of version 2 ({@value #SCHEMA_VERSION} = 2) holds its approval chain as JSON
 * ({@code chain}, {@link ChainJson}; the approver attributes and index keys are the chain's first approver), and
 * for everyone it waits on now, approver or stand-in, there is {@code pk = WAITING#<person key>,
 * sk = <creation instant>#<id>}; it has no {@code gsi2} keys. Items written before (no {@value #SCHEMA_VERSION})
 * read as the one-approver chain of their {@code approver} and {@code callbackId}, and are found by the approver
 * index while they wait. {@value #WORKING_DAYS} is the request's working days as counted when it was made; items
 * written before have none and read with their Monday-to-Friday count, as LeaveBot counted then. The leave ledger
 * lives in the same table ({@link DynamoDbLedger}).
 */
final class DynamoDbLeaveItems {
    static final String STATUS = "status";
    static final String START = "startDate";
    static final String END = "endDate";
    static final String CALLBACK_ID = "callbackId";
    static final String UPDATED_AT = "updatedAt";
    static final String DECISION = "decision";
    static final String CHAIN = "chain";
    static final String SCHEMA_VERSION = "schemaVersion";
    static final String WORKING_DAYS = "workingDays";
    static final int LATEST = 2;
    static final String WAITING = WAITING_KEY_PREFIX;

    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DynamoDbLeaveItems() {
    }

    static Map<String, DynamoDbValue> requestKey(String id) {
        return Map.of(PARTITION_KEY, s("LEAVE#" + id), SORT_KEY, s("LEAVE"));
    }

    static Map<String, DynamoDbValue> callbackKey(String callbackId) {
        return Map.of(PARTITION_KEY, s("CALLBACK#" + callbackId), SORT_KEY, s("CALLBACK"));
    }

    /** The callback an approved request's execution waits on until its leave is over: beside the request. */
    static Map<String, DynamoDbValue> watchKey(String requestId) {
        return Map.of(PARTITION_KEY, s("LEAVE#" + requestId), SORT_KEY, s("WATCH"));
    }

    static Map<String, DynamoDbValue> callbackItem(String callbackId, String requestId) {
        Map<String, DynamoDbValue> item = new HashMap<>(callbackKey(callbackId));
        item.put("requestId", s(requestId));
        return item;
    }

    /** The sort key prefix of audit entries. */
    static final String AUDIT = "AUDIT#";

    static Map<String, DynamoDbValue> toItem(AuditEntry entry) {
        Map<String, DynamoDbValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s("LEAVE#" + entry.requestId()));
        item.put(SORT_KEY, s(AUDIT + String.format("%06d", entry.round()) + "#" + entry.event()));
        item.put("requestId", s(entry.requestId()));
        item.put("round", DynamoDbValue.fromN(Integer.toString(entry.round())));
        item.put("event", s(entry.event()));
        item.put("at", s(instant(entry.at())));
        putText(item, "actor", entry.actor());
        putText(item, "details", entry.details());
        return item;
    }

    static AuditEntry auditFrom(Map<String, DynamoDbValue> item) {
        return new AuditEntry(item.get("requestId").s(), Integer.parseInt(item.get("round").n()), item.get("event").s(),
                Instant.parse(item.get("at").s()), text(item, "actor"), text(item, "details"));
    }

    static Map<String, DynamoDbValue> notificationKey(String key) {
        return Map.of(PARTITION_KEY, s(NOTIFICATION_KEY_PREFIX + key), SORT_KEY, s("NOTIFY"));
    }

    static Map<String, DynamoDbValue> addressKey(String channel, String personKey) {
        return Map.of(PARTITION_KEY, s(ADDRESS_KEY_PREFIX + channel + "#" + personKey), SORT_KEY, s("ADDRESS"));
    }

    static String employeePartition(Person employee) {
        return "EMPLOYEE#" + employee.key();
    }

    static String approverPartition(Person approver) {
        return "APPROVER#" + approver.key();
    }

    static Map<String, DynamoDbValue> toItem(LeaveRequest r) {
        Map<String, DynamoDbValue> item = new HashMap<>(requestKey(r.id()));
        String order = SORTABLE.format(r.createdAt()) + "#" + r.id();
        item.put(EMPLOYEE_INDEX_PARTITION_KEY, s(employeePartition(r.employee())));
        item.put(EMPLOYEE_INDEX_SORT_KEY, s(order));
        item.put(TEAM_INDEX_PARTITION_KEY, s(approverPartition(r.chain().firstApprover())));
        item.put(TEAM_INDEX_SORT_KEY, s(r.start() + "#" + r.id()));
        item.putAll(DynamoDbOpenLeave.keys(r));
        item.put(SCHEMA_VERSION, DynamoDbValue.fromN(Integer.toString(LATEST)));
        item.put("id", s(r.id()));
        item.put("employee", person(r.employee()));
        item.put("approver", person(r.chain().firstApprover()));
        item.put(CHAIN, s(ChainJson.write(r.chain())));
        item.put("type", s(r.type()));
        item.put(START, s(r.start().toString()));
        item.put(END, s(r.end().toString()));
        item.put("halfDay", DynamoDbValue.fromBool(r.halfDay()));
        putText(item, "reason", r.reason());
        item.put(STATUS, s(r.status().name()));
        item.put("createdAt", s(instant(r.createdAt())));
        item.put(UPDATED_AT, s(instant(r.updatedAt())));
        if (r.decision() != null) {
            item.put(DECISION, decision(r.decision()));
        }
        item.put("executionName", s(r.executionName()));
        item.put(WORKING_DAYS, DynamoDbValue.fromN(Double.toString(r.workingDays())));
        return item;
    }

    static LeaveRequest fromItem(Map<String, DynamoDbValue> item) {
        LeaveStatus status = LeaveStatus.valueOf(text(item, STATUS));
        Decision decision = decision(item.get(DECISION));
        String chain = text(item, CHAIN);
        LeaveRequest request = new LeaveRequest(text(item, "id"), person(item.get("employee")),
                chain != null ? ChainJson.read(chain)
                        : SqliteLeaveRows.singleApprover(person(item.get("approver")), text(item, CALLBACK_ID), status, decision),
                text(item, "type"), LocalDate.parse(text(item, START)), LocalDate.parse(text(item, END)),
                item.get("halfDay").bool(), text(item, "reason"), status,
                Instant.parse(text(item, "createdAt")), Instant.parse(text(item, UPDATED_AT)),
                decision, text(item, "executionName"));
        DynamoDbValue workingDays = item.get(WORKING_DAYS); // absent on items written before: counted Monday to Friday
        return workingDays == null ? request : request.withWorkingDays(Double.parseDouble(workingDays.n()));
    }

    /** Where a request is listed for someone it waits on. */
    static Map<String, DynamoDbValue> waitingItem(Person person, LeaveRequest r) {
        Map<String, DynamoDbValue> item = new HashMap<>(Map.of(PARTITION_KEY, s(WAITING + person.key()),
                SORT_KEY, s(SORTABLE.format(r.createdAt()) + "#" + r.id())));
        item.put("requestId", s(r.id()));
        return item;
    }

    static Map<String, DynamoDbValue> toItem(SentNotification n) {
        Map<String, DynamoDbValue> item = new HashMap<>(notificationKey(n.key()));
        item.put("key", s(n.key()));
        item.put("requestId", s(n.requestId()));
        item.put("channel", s(n.channel()));
        putText(item, "messageRef", n.messageRef());
        item.put("at", s(instant(n.at())));
        return item;
    }

    static SentNotification notificationFrom(Map<String, DynamoDbValue> item) {
        return new SentNotification(text(item, "key"), text(item, "requestId"), text(item, "channel"),
                text(item, "messageRef"), Instant.parse(text(item, "at")));
    }

    static Map<String, DynamoDbValue> toItem(ChatAddress a) {
        Map<String, DynamoDbValue> item = new HashMap<>(addressKey(a.channel(), a.personKey()));
        item.put("channel", s(a.channel()));
        item.put("personKey", s(a.personKey()));
        item.put("address", s(a.address()));
        item.put("savedAt", s(instant(a.savedAt())));
        return item;
    }

    static ChatAddress addressFrom(Map<String, DynamoDbValue> item) {
        return new ChatAddress(text(item, "channel"), text(item, "personKey"), text(item, "address"),
                Instant.parse(text(item, "savedAt")));
    }

    static DynamoDbValue decision(Decision d) {
        Map<String, DynamoDbValue> m = new HashMap<>();
        if (d.by() != null) {
            m.put("by", person(d.by()));
        }
        if (d.at() != null) {
            m.put("at", s(instant(d.at())));
        }
        putText(m, "comment", d.comment());
        return DynamoDbValue.fromM(m);
    }

    static String instant(Instant at) {
        return SORTABLE.format(at);
    }

    static DynamoDbValue s(String value) {
        return DynamoDbValue.fromS(value);
    }

    private static Decision decision(DynamoDbValue value) {
        if (value == null) {
            return null;
        }
        Map<String, DynamoDbValue> m = value.m();
        String at = text(m, "at");
        return new Decision(person(m.get("by")), at == null ? null : Instant.parse(at), text(m, "comment"));
    }

    /** {@code slack} only for people known by their Slack user id, so that LeaveBot 0.1.0 still reads the item. */
    private static DynamoDbValue person(Person p) {
        Map<String, DynamoDbValue> m = new HashMap<>();
        putText(m, "slack", p.chatUserId("slack").orElse(null));
        putText(m, "email", p.email());
        putText(m, "name", p.displayName());
        return DynamoDbValue.fromM(m);
    }

    /** An item with an e-mail is someone known by it, even when 0.1.0 wrote their Slack user id beside it. */
    private static Person person(DynamoDbValue value) {
        if (value == null) {
            return null;
        }
        Map<String, DynamoDbValue> m = value.m();
        return Person.ofEmailOrSlack(text(m, "email"), text(m, "slack"), text(m, "name"));
    }

    static void putText(Map<String, DynamoDbValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String text(Map<String, DynamoDbValue> item, String name) {
        DynamoDbValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
