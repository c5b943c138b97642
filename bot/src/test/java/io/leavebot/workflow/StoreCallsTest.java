package io.leavebot.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.notify.Notifier;
import io.leavebot.store.Store;
import io.leavebot.testing.LeaveBotHarness;
import io.leavebot.testing.RecordingChat;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the workflow asks of the store from the start of a request until its approver is asked: each call is a
 * SQLite query (and often a JSON decode) locally, and a DynamoDB round trip on AWS, where it is part of the workflow
 * function's cold start ({@code SlackFunctionTest} counts the same run there, as the table sees it).
 */
class StoreCallsTest {
    @RegisterExtension
    final LeaveBotHarness bot = new LeaveBotHarness();

    /**
     * 14 calls (18 before steps stopped reading back what they had just written): {@value LeaveWorkflow#RECORD_LEAVE}
     * creates the request; {@value LeaveWorkflow#SEND_RECEIPT} and {@code ask-1} each read it once, the balance for
     * the message (ledger entries, the employee's requests) and the notification log before recording what was
     * sent; {@code ask-1} also reads the approver's away calendar in one call, and the team's overlapping leave,
     * and writes the chain. A new call here costs every request: say why.
     */
    @Test
    void fromTheStartUntilTheApproverIsAskedEachStepReadsTheRequestOnceAndNothingItWrote() {
        List<String> calls = new CopyOnWriteArrayList<>();
        RecordingChat chat = new RecordingChat();
        bot.reopenWith((store, notifier, policy, time) -> {
            Store counted = counting((Store) store, calls);
            return new LeaveWorkflow(counted, new Notifier(counted, List.of(chat), null, null, time), policy,
                    new AwayPeriods(counted, counted, time, changed -> { }),
                    LeaveBotHarness.balances(LeaveBotHarness.BALANCES, counted, time), time);
        });

        bot.submitted("r-1");

        assertEquals(2, chat.deliveries.size(), "the receipt and the approval request");
        Map<String, Long> byMethod = calls.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        assertEquals(Map.of("create", 1L, "get", 2L, "entries", 2L, "listByEmployee", 2L, "sent", 2L, "recordSent", 2L,
                "on", 1L, "updateChain", 1L, "findTeamOverlaps", 1L), byMethod, () -> calls.size() + " calls: " + calls);
    }

    /** {@code store}, with the name of every method called on it added to {@code calls}. */
    private static Store counting(Store store, List<String> calls) {
        return (Store) Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class}, (proxy, method, args) -> {
            calls.add(method.getName());
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
