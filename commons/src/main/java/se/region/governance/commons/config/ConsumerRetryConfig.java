package se.region.governance.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer retries an event that failed ({@code ConsumerRetry}): {@code governance.consumer.*}. */
@ConfigMapping(prefix = "governance.consumer")
public interface ConsumerRetryConfig {

    /** Attempts before the failure reaches the messaging layer (at least 1). */
    @WithDefault("10")
    int maxAttempts();

    /** The longest wait between two attempts; the first waits 200 ms (or this, if shorter), then twice as long. */
    @WithDefault("5000")
    long maxBackoffMillis();
}
