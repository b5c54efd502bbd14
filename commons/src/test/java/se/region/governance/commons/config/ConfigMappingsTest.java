package se.region.governance.commons.config;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.tokens.config.TokenCacheConfig;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mappings read the property names the @ConfigProperty fields read before, with the same defaults. */
class ConfigMappingsTest {

    static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("test", properties) {
                })
                .withMapping(OutboxRelayConfig.class)
                .withMapping(ConsumerRetryConfig.class)
                .withMapping(DatasourceConfig.class)
                .withMapping(TokenCacheConfig.class)
                .build();
    }

    static final Map<String, String> REQUIRED = Map.of("kafka.bootstrap.servers", "kafka:9092",
            "quarkus.datasource.jdbc.url", "jdbc:postgresql://db/x", "quarkus.datasource.username", "u",
            "quarkus.datasource.password", "p");

    @Test
    void defaults() {
        SmallRyeConfig config = config(REQUIRED);
        OutboxRelayConfig outbox = config.getConfigMapping(OutboxRelayConfig.class);
        assertEquals("kafka:9092", outbox.bootstrapServers());
        assertTrue(outbox.enabled());
        assertEquals(Duration.ofMillis(500), outbox.pollInterval());
        assertEquals(500, outbox.batchSize());
        assertEquals(Duration.ofDays(7), outbox.retention());
        assertEquals(Optional.empty(), outbox.topicPrefix());
        ConsumerRetryConfig retry = config.getConfigMapping(ConsumerRetryConfig.class);
        assertEquals(10, retry.maxAttempts());
        assertEquals(5000, retry.maxBackoffMillis());
        DatasourceConfig datasource = config.getConfigMapping(DatasourceConfig.class);
        assertEquals("jdbc:postgresql://db/x", datasource.jdbc().url());
        assertEquals("u", datasource.username());
        assertEquals("p", datasource.password());
        TokenCacheConfig tokens = config.getConfigMapping(TokenCacheConfig.class);
        assertEquals(10_000, tokens.maxSize());
        assertEquals(Duration.ofSeconds(60), tokens.ttl());
    }

    @Test
    void theSameNamesAsBefore() {
        Map<String, String> set = new java.util.HashMap<>(REQUIRED);
        set.putAll(Map.of("governance.outbox.enabled", "false", "governance.outbox.poll-interval", "PT2S",
                "governance.outbox.batch-size", "7", "governance.outbox.retention", "P1D",
                "governance.outbox.topic-prefix", "bench.", "governance.consumer.max-attempts", "3",
                "governance.consumer.max-backoff-millis", "40", "governance.security.token-cache.max-size", "0",
                "governance.security.token-cache.ttl", "PT5S"));
        SmallRyeConfig config = config(set);
        OutboxRelayConfig outbox = config.getConfigMapping(OutboxRelayConfig.class);
        assertEquals(false, outbox.enabled());
        assertEquals(Duration.ofSeconds(2), outbox.pollInterval());
        assertEquals(7, outbox.batchSize());
        assertEquals(Duration.ofDays(1), outbox.retention());
        assertEquals(Optional.of("bench."), outbox.topicPrefix());
        ConsumerRetryConfig retry = config.getConfigMapping(ConsumerRetryConfig.class);
        assertEquals(3, retry.maxAttempts());
        assertEquals(40, retry.maxBackoffMillis());
        TokenCacheConfig tokens = config.getConfigMapping(TokenCacheConfig.class);
        assertEquals(0, tokens.maxSize());
        assertEquals(Duration.ofSeconds(5), tokens.ttl());
    }
}
