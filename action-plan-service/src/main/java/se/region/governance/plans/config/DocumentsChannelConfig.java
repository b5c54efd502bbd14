package se.region.governance.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;

import java.util.Map;

/**
 * mp.messaging.incoming.governance-documents.*: the channel the document replica is fed from
 * (application.properties). The Kafka connector reads it; this service reads its group and topic for
 * the consumer status.
 */
@ConfigMapping(prefix = "mp.messaging.incoming.governance-documents")
public interface DocumentsChannelConfig {

    /** The Kafka consumer group of the channel. */
    @WithName("group.id")
    @WithDefault("action-plan-service")
    String groupId();

    /** The topic as read on the broker (in tests, this run's own, with its prefix). */
    @WithDefault("governance.documents")
    String topic();

    /**
     * Every attribute of the channel by name, the connector's included: a mapping must account for
     * every property under its prefix, and the connector's (connector, deserializers, offsets, ...) are
     * read by the connector, not here.
     */
    @WithParentName
    Map<String, String> attributes();
}
