package se.region.governance.reports.application;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Work handed to a pool while the caller does its own share. Whoever comes first runs it: if the pool has not started
 * it by the time the caller asks for the result, the caller runs it itself, so a busy pool never makes the caller wait
 * longer than doing everything alone would.
 */
final class SideTask<T> {

    private final Callable<T> work;
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final CompletableFuture<T> result = new CompletableFuture<>();

    SideTask(Callable<T> work, Executor pool) {
        this.work = work;
        pool.execute(this::runOnce);
    }

    private void runOnce() {
        if (claimed.compareAndSet(false, true)) {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }
    }

    /** The result, computed here if the pool has not taken the work yet; a failure of the work is rethrown as it was. */
    T join() {
        runOnce();
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
