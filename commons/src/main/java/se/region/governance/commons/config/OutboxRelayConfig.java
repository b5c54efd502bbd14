package se.region.governance.commons.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings of the outbox relay ({@code OutboxRelay}). The broker's address is the one every Kafka client of
 * the service uses ({@code kafka.bootstrap.servers}), the rest are {@code governance.outbox.*}; so the mapping has
 * no prefix and each method names its whole property.
 */
@ConfigMapping(prefix = "")
public interface OutboxRelayConfig {

    @WithName("kafka.bootstrap.servers")
    String bootstrapServers();

    /** Off: no relay thread at all (a benchmark's bulk load must not flood the shared topics). */
    @WithName("governance.outbox.enabled")
    @WithDefault("true")
    boolean enabled();

    /** How often the relay looks for rows when no commit woke it. */
    @WithName("governance.outbox.poll-interval")
    @WithDefault("PT0.5S")
    Duration pollInterval();

    /** Most rows published in one batch. */
    @WithName("governance.outbox.batch-size")
    @WithDefault("500")
    int batchSize();

    /** How long published rows are kept before they are deleted. */
    @WithName("governance.outbox.retention")
    @WithDefault("P7D")
    Duration retention();

    /** Put before every topic name: a benchmark's or a test run's services publish apart from a running set's. */
    @WithName("governance.outbox.topic-prefix")
    Optional<String> topicPrefix();
}
