package se.region.governance.commons.events;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.config.ConsumerRetryConfig;

/**
 * Applies a consumed event (or batch) again after a failure, with back-off, before giving up.
 * A consumer meets transient failures: events waiting in the topic arrive while the service is still
 * starting (the persistence unit not yet up), the database restarts, a lock times out. Retrying in
 * place keeps the order and loses nothing; only after {@code governance.consumer.max-attempts} does the
 * failure reach the messaging layer, which stops the channel and turns readiness DOWN, so a real
 * defect is visible instead of silently skipped. Each attempt must be its own transaction.
 * An {@link IllegalArgumentException} says the event itself is unusable: it is not retried (the
 * caller decides whether to skip it).
 */
@ApplicationScoped
public class ConsumerRetry {

    private final int maxAttempts;
    private final long maxBackoffMillis;

    @Inject
    public ConsumerRetry(ConsumerRetryConfig config) {
        this(config.maxAttempts(), config.maxBackoffMillis());
    }

    ConsumerRetry(int maxAttempts, long maxBackoffMillis) {
        this.maxAttempts = Math.max(1, maxAttempts);
        this.maxBackoffMillis = Math.max(1, maxBackoffMillis);
    }

    /** Runs {@code apply} until it succeeds or {@code max-attempts} failed; then rethrows the last failure. */
    public void run(String what, Runnable apply) {
        long backoff = Math.min(200, maxBackoffMillis);
        for (int attempt = 1; ; attempt++) {
            try {
                apply.run();
                return;
            } catch (IllegalArgumentException unusable) {
                throw unusable;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    Log.errorf(e, "Giving up applying %s after %d attempts", what, attempt);
                    throw e;
                }
                Log.warnf("Applying %s failed (attempt %d of %d), retrying in %d ms: %s", what, attempt, maxAttempts,
                        backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, maxBackoffMillis);
            }
        }
    }
}
