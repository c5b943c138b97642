package io.leavebot.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.leavebot.balance.Balance;
import io.leavebot.balance.BalanceNote;
import io.leavebot.balance.Balances.Preview;
import io.leavebot.balance.TypePolicy;
import io.leavebot.balance.Unit;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class BalanceWordingTest {
    private static final TypePolicy ANNUAL = TypePolicy.annual("annual", 25);

    @Test
    void amountsShowTheFewestDecimalsAndARealMinus() {
        assertEquals("0.5 days", BalanceWording.amount(new BigDecimal("0.50"), Unit.DAYS));
        assertEquals("1 day", BalanceWording.amount(new BigDecimal("1.00"), Unit.DAYS));
        assertEquals("7.5 hours", BalanceWording.amount(new BigDecimal("7.50"), Unit.HOURS));
        assertEquals("\u22122 days", BalanceWording.amount(new BigDecimal("-2.00"), Unit.DAYS));
        assertEquals("20 days", BalanceWording.amount(new BigDecimal("2E+1"), Unit.DAYS));
    }

    @Test
    void aBalanceReadsAsWhatIsLeftOfTheYear() {
        Balance b = annual("18", "0", "0");

        assertEquals("18 of 25 days left", BalanceWording.left(b));
        assertEquals("18 of 25 days of annual leave left in 2027", BalanceWording.summary(b));
    }

    @Test
    void anUnlimitedTypeReadsAsWhatWasTaken() {
        Balance sick = new Balance("sick", Unit.DAYS, false, 2027, "2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("4"),
                BigDecimal.ZERO, BigDecimal.ZERO, List.of());

        assertEquals("4 days of sick leave taken in 2027", BalanceWording.summary(sick));
    }

    @Test
    void thePreviewSaysWhatTheRequestTakesAndLeaves() {
        Preview preview = new Preview(ANNUAL, List.of(new Preview.Part(annual("18", "0", "0"), new BigDecimal("5"))));

        assertEquals("You have 18 of 25 days of annual leave left in 2027; this request takes 5, leaving 13.",
                BalanceWording.preview(preview));
    }

    @Test
    void pendingRequestsAreCountedInThePreview() {
        Preview preview = new Preview(ANNUAL, List.of(new Preview.Part(annual("18", "3", "0"), new BigDecimal("5"))));

        assertEquals("You have 15 of 25 days of annual leave left in 2027 (after 3 days waiting for approval); "
                + "this request takes 5, leaving 10.", BalanceWording.preview(preview));
    }

    @Test
    void notesSpeakToTheApproverAndToTheEmployee() {
        BalanceNote note = new BalanceNote("annual", Unit.DAYS, "2027", true, new BigDecimal("7"), new BigDecimal("25"), new BigDecimal("18"));

        assertEquals("Sam will have 7 of 25 days of annual leave left in 2027", BalanceWording.willHave("Sam", note));
        assertEquals("You have 7 of 25 days of annual leave left in 2027", BalanceWording.youHave(note));
    }

    @Test
    void carryOverAndItsExpiryAreParticulars() {
        Balance b = new Balance("annual", Unit.DAYS, true, 2027, "2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                new BigDecimal("25"), new BigDecimal("25"), new BigDecimal("5"), LocalDate.of(2027, 3, 31), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("2"), BigDecimal.ZERO, List.of());

        assertEquals(List.of("2 days waiting for approval, 28 left after them",
                "5 days carried over from the year before, to be used by Wed 31 Mar 2027"), BalanceWording.particulars(b));
    }

    /** 25 days of 2027, of which {@code left} remain after approved leave. */
    private static Balance annual(String left, String pending, String negativeLimit) {
        BigDecimal taken = new BigDecimal("25").subtract(new BigDecimal(left));
        return new Balance("annual", Unit.DAYS, true, 2027, "2027", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                new BigDecimal("25"), new BigDecimal("25"), BigDecimal.ZERO, null, BigDecimal.ZERO, BigDecimal.ZERO, taken,
                new BigDecimal(pending), new BigDecimal(negativeLimit), List.of());
    }
}
