package se.region.governance.commons.events;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConsumerRetryTest {

    @Test
    void aTransientFailureIsRetriedUntilTheEventIsApplied() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger applied = new AtomicInteger();
        new ConsumerRetry(5, 1).run("event 1", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("database not ready");
            }
            applied.incrementAndGet();
        });
        assertEquals(3, attempts.get());
        assertEquals(1, applied.get());
    }

    @Test
    void aPersistentFailureReachesTheCallerAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("a defect");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new ConsumerRetry(4, 1).run("event 2", () -> {
                    attempts.incrementAndGet();
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(4, attempts.get());
    }

    @Test
    void anUnusableEventIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThrows(IllegalArgumentException.class, () -> new ConsumerRetry(5, 1).run("event 3", () -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("no document in data");
        }));
        assertEquals(1, attempts.get());
    }
}
