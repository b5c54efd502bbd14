package se.region.governance.plans.infrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writers of one plan take turns in this instance; a turn lasts until the transaction completes. */
@QuarkusTest
class PlanWriteQueueTest {

    @Inject
    PlanWriteQueue queue;

    @Test
    void aSecondWriterWaitsUntilTheFirstCommitsAndAThirdUntilTheSecondRollsBack() throws Exception {
        UUID plan = UUID.randomUUID();
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = holdTurn(plan, firstMayCommit);

        CountDownLatch secondHasTurn = new CountDownLatch(1);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    queue.awaitTurn(plan);
                    secondHasTurn.countDown();
                    throw new IllegalStateException("rolled back on purpose");
                });
            } catch (IllegalStateException expected) {
                // the transaction rolled back; its turn must end all the same
            }
        });
        waitUntilWaiting(plan, 1);
        assertFalse(secondHasTurn.await(200, TimeUnit.MILLISECONDS), "the second writer waits while the first is open");

        firstMayCommit.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertTrue(secondHasTurn.await(10, TimeUnit.SECONDS), "the first commit gave the second writer its turn");
        second.get(10, TimeUnit.SECONDS);

        // after the rollback, a third writer gets its turn at once
        CompletableFuture<Void> third = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> queue.awaitTurn(plan)));
        third.get(5, TimeUnit.SECONDS);
        assertEquals(0, queue.waiting(plan));
    }

    /** A turn held too long (a writer stuck) does not hold the others for longer than max-wait (1 s). */
    @Test
    void aWriterWaitsNoLongerThanMaxWaitForItsTurn() throws Exception {
        UUID plan = UUID.randomUUID();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> first = holdTurn(plan, firstMayEnd);
        long start = System.nanoTime();
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> queue.awaitTurn(plan)))
                .get(10, TimeUnit.SECONDS);
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(waitedMillis >= 900, "it waited for the turn first: " + waitedMillis + " ms");
        assertFalse(first.isDone(), "the first writer still has its turn");
        firstMayEnd.countDown();
        first.get(10, TimeUnit.SECONDS);
    }

    /**
     * A writer that takes the plan's turn (twice: the same transaction does not wait on itself) and holds
     * it until {@code mayCommit}; answers once the turn is taken.
     */
    private CompletableFuture<Void> holdTurn(UUID plan, CountDownLatch mayCommit) throws InterruptedException {
        CountDownLatch hasTurn = new CountDownLatch(1);
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            queue.awaitTurn(plan);
            queue.awaitTurn(plan);
            hasTurn.countDown();
            await(mayCommit);
        }));
        assertTrue(hasTurn.await(10, TimeUnit.SECONDS), "the first writer has its turn");
        return writer;
    }

    private void waitUntilWaiting(UUID plan, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (queue.waiting(plan) < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, queue.waiting(plan));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
