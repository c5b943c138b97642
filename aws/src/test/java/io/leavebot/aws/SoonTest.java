package io.leavebot.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SoonTest {
    @Test
    void theValueIsMadeOnADaemonThreadOfItsOwnWhileTheCallerGoesOn() throws InterruptedException {
        var callerWent = new CountDownLatch(1);
        Soon<String> soon = Soon.start("maker", () -> {
            try {
                if (!callerWent.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("made on the caller's thread, which waited for it");
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            Thread self = Thread.currentThread();
            return self.getName() + (self.isDaemon() ? " daemon" : "");
        });
        callerWent.countDown();
        assertEquals("maker daemon", soon.get());
    }

    @Test
    void getThrowsWhatMakingThrew() {
        var failure = new IllegalArgumentException("no such secret");
        Soon<String> soon = Soon.start("maker", () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, soon::get));
        var error = new NoClassDefFoundError("gone");
        assertSame(error, assertThrows(NoClassDefFoundError.class, Soon.start("maker", () -> {
            throw error;
        })::get));
    }

    @Test
    void twoValuesAreMadeAtOnceNotOneBehindTheOther() {
        var bothStarted = new CountDownLatch(2);
        Runnable meet = () -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "the other was not started");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        };
        Soon<String> first = Soon.start("first", () -> {
            meet.run();
            return "first";
        });
        Soon<String> second = Soon.start("second", () -> {
            meet.run();
            return "second";
        });
        assertEquals("first", first.get());
        assertEquals("second", second.get());
    }
}
