package io.leavebot.store;

import static io.leavebot.LeaveBotNames.AWAY_KEY_PREFIX;
import static io.leavebot.LeaveBotNames.PARTITION_KEY;
import static io.leavebot.LeaveBotNames.SORT_KEY;
import static io.leavebot.store.DynamoDbLeaveItems.s;

import io.leavebot.leave.AwayCalendar;
import io.leavebot.leave.AwayPeriod;
import io.leavebot.leave.Person;
import io.leavebot.store.DynamoDbRequest.ReturnValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AwayCalendar} in the leave table, beside the requests. An approver's periods are
 * {@code pk = AWAY#<approver key>, sk = PERIOD#<first day>} and their standing stand-in is
 * {@code pk = AWAY#<approver key>, sk = STANDIN}, none with index keys; every item carries {@code schemaVersion}
 * ({@value #SCHEMA_VERSION}). One approver's items are read with one strongly consistent query.
 *
 * <p>Writes are single-item (no transactions): a save puts the new period, then deletes each earlier one it
 * overlaps on condition that it is still the one read (so a save made meanwhile is never removed). Until those
 * deletes are done — or if the process stops before them — reads let the period saved last win wherever two
 * overlap, so the answer is the same as after the deletes.
 */
final class DynamoDbAwayCalendar implements AwayCalendar {
    static final int SCHEMA_VERSION = 1;
    private static final String PERIOD = "PERIOD#";
    private static final String STAND_IN = "STANDIN";

    private final DynamoDb client;
    private final String table;

    DynamoDbAwayCalendar(DynamoDb client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public AwayPeriod save(AwayPeriod period) {
        List<AwayPeriod> earlier = allOf(period.approver());
        Optional<AwayPeriod> same = earlier.stream().filter(p -> p.sameAs(period)).findFirst();
        if (same.isPresent()) {
            return same.get();
        }
        client.putItem(b -> b.tableName(table).item(toItem(period)));
        earlier.stream().filter(p -> !p.from().equals(period.from()) && p.overlaps(period.from(), period.to()))
                .forEach(this::deleteIfUnchanged);
        return period;
    }

    private void deleteIfUnchanged(AwayPeriod replaced) {
        try {
            client.deleteItem(b -> b.tableName(table).key(periodKey(replaced.approver(), replaced.from()))
                    .conditionExpression("savedAt = :savedAt")
                    .expressionAttributeValues(Map.of(":savedAt", s(DynamoDbLeaveItems.instant(replaced.savedAt())))));
        } catch (ConditionalCheckFailedException savedAgainMeanwhile) {
            // the newer save stands
        }
    }

    @Override
    public boolean cancel(Person approver, LocalDate from) {
        Map<String, DynamoDbValue> old = client.deleteItem(b -> b.tableName(table).key(periodKey(approver, from))
                .returnValues(ReturnValue.ALL_OLD));
        return !old.isEmpty();
    }

    @Override
    public List<AwayPeriod> periodsOf(Person approver, LocalDate day) {
        return standing(allOf(approver)).stream().filter(p -> !p.to().isBefore(day)).toList();
    }

    @Override
    public Optional<AwayPeriod> covering(Person approver, LocalDate day) {
        return standing(allOf(approver)).stream().filter(p -> p.covers(day)).findFirst();
    }

    /** One query of the approver's partition: their periods and their standing stand-in are its items. */
    @Override
    public Day on(Person approver, LocalDate day) {
        List<AwayPeriod> periods = new ArrayList<>();
        Person standIn = null;
        for (Map<String, DynamoDbValue> item : client.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", s(partition(approver))))).toList()) {
            String sortKey = item.get(SORT_KEY).s();
            if (sortKey.startsWith(PERIOD)) {
                periods.add(fromItem(item));
            } else if (sortKey.equals(STAND_IN)) {
                standIn = person(item.get("standIn"));
            }
        }
        return new Day(standing(periods).stream().filter(p -> p.covers(day)).findFirst().orElse(null), standIn);
    }

    @Override
    public void setStandIn(Person approver, Person standIn) {
        StandIns.require(approver, standIn);
        Map<String, DynamoDbValue> key = standInKey(approver);
        if (standIn == null) {
            client.deleteItem(b -> b.tableName(table).key(key));
            return;
        }
        Map<String, DynamoDbValue> item = new HashMap<>(key);
        item.put("schemaVersion", DynamoDbValue.fromN(Integer.toString(SCHEMA_VERSION)));
        item.put("standIn", person(standIn));
        client.putItem(b -> b.tableName(table).item(item));
    }

    @Override
    public Optional<Person> standInOf(Person approver) {
        Map<String, DynamoDbValue> item = client.getItem(b -> b.tableName(table).key(standInKey(approver))
                .consistentRead(true));
        return item.isEmpty() ? Optional.empty() : Optional.of(person(item.get("standIn")));
    }

    /** Every period item of the approver, by first day. */
    private List<AwayPeriod> allOf(Person approver) {
        return client.query(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("#pk = :pk AND begins_with(#sk, :period)")
                        .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#sk", SORT_KEY))
                        .expressionAttributeValues(Map.of(":pk", s(partition(approver)), ":period", s(PERIOD))))
                .map(DynamoDbAwayCalendar::fromItem).toList();
    }

    /** The periods no later-saved period overlaps: what the calendar says once a save's deletes are done. */
    private static List<AwayPeriod> standing(List<AwayPeriod> periods) {
        return periods.stream().filter(p -> periods.stream().noneMatch(later -> later.savedAt().isAfter(p.savedAt())
                && later.overlaps(p.from(), p.to()))).sorted(Comparator.comparing(AwayPeriod::from)).toList();
    }

    private Map<String, DynamoDbValue> toItem(AwayPeriod p) {
        Map<String, DynamoDbValue> item = new HashMap<>(periodKey(p.approver(), p.from()));
        item.put("schemaVersion", DynamoDbValue.fromN(Integer.toString(SCHEMA_VERSION)));
        item.put("approver", person(p.approver()));
        item.put("from", s(p.from().toString()));
        item.put("to", s(p.to().toString()));
        item.put("standIn", person(p.standIn()));
        item.put("savedAt", s(DynamoDbLeaveItems.instant(p.savedAt())));
        return item;
    }

    private static AwayPeriod fromItem(Map<String, DynamoDbValue> item) {
        return new AwayPeriod(person(item.get("approver")), LocalDate.parse(item.get("from").s()),
                LocalDate.parse(item.get("to").s()), person(item.get("standIn")), Instant.parse(item.get("savedAt").s()));
    }

    private static DynamoDbValue person(Person p) {
        Map<String, DynamoDbValue> m = new HashMap<>(Map.of("email", s(p.email())));
        String name = StandIns.nameOf(p);
        if (name != null) {
            m.put("name", s(name));
        }
        return DynamoDbValue.fromM(m);
    }

    private static Person person(DynamoDbValue value) {
        Map<String, DynamoDbValue> m = value.m();
        return StandIns.person(m.get("email").s(), m.containsKey("name") ? m.get("name").s() : null);
    }

    private static String partition(Person approver) {
        return AWAY_KEY_PREFIX + approver.key();
    }

    private static Map<String, DynamoDbValue> periodKey(Person approver, LocalDate from) {
        return Map.of(PARTITION_KEY, s(partition(approver)), SORT_KEY, s(PERIOD + from));
    }

    private static Map<String, DynamoDbValue> standInKey(Person approver) {
        return Map.of(PARTITION_KEY, s(partition(approver)), SORT_KEY, s(STAND_IN));
    }
}
