package se.region.governance.gateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.core.http.HttpServerRequest;

import java.time.Duration;

/**
 * A token bucket per key (a client's sub or address), refilled at {@code perSecond} up to {@code burst}; the
 * buckets of keys not seen for a while are dropped. The one mechanism behind every rate limit of the gateway.
 */
public final class RateLimiter {

    private final int perSecond;
    private final int burst;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimiter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    public int perSecond() {
        return perSecond;
    }

    /** Takes one token for {@code key}: 0 when it was there, else the whole seconds to wait (at least 1). */
    public long secondsToWait(String key) {
        ConsumptionProbe probe = buckets.get(key, k -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
                        .build())
                .tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }

    /** The client's address (a trusted proxy's forwarded one, see quarkus.http.proxy.*). */
    public static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
