package se.region.governance.reports.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.region.governance.commons.events.DeadLetters;
import se.region.governance.reports.domain.EventTypes;
import se.region.governance.reports.infrastructure.EventLog;
import se.region.governance.reports.infrastructure.KafkaLag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per consumed topic: the last event applied (from the event log), the consumer group's lag on the
 * broker (end offsets minus committed offsets), this instance's counters (received, applied,
 * redelivered, dead-lettered since start) and the dead letters kept (how many, the latest).
 */
@ApplicationScoped
public class ConsumerStatus {

    public static final List<String> TOPICS = List.of(EventTypes.DOCUMENTS_TOPIC, EventTypes.PLANS_TOPIC);

    @Inject
    EventLog log;
    @Inject
    KafkaLag lag;
    @Inject
    ConsumerCounters counters;
    @Inject
    DeadLetters deadLetters;
    @ConfigProperty(name = "mp.messaging.incoming.governance-documents.group.id", defaultValue = "reporting-service")
    String groupId;
    /** The names the consumers read on the broker (a deployment may prefix them); the log keeps the contract's. */
    @ConfigProperty(name = "mp.messaging.incoming.governance-documents.topic", defaultValue = EventTypes.DOCUMENTS_TOPIC)
    String documentsTopic;
    @ConfigProperty(name = "mp.messaging.incoming.actionplan-plans.topic", defaultValue = EventTypes.PLANS_TOPIC)
    String plansTopic;

    public record TopicStatus(String topic, Map<String, Object> lastApplied, Map<String, Object> broker,
                              Map<String, Long> sinceStart, DeadLetters.Summary deadLetters) {
    }

    public Map<String, Object> status() {
        Map<String, Map<String, Object>> last = log.lastAppliedPerTopic();
        Map<String, String> onBroker = Map.of(EventTypes.DOCUMENTS_TOPIC, documentsTopic, EventTypes.PLANS_TOPIC, plansTopic);
        Map<String, Map<String, Object>> brokerLag = lag.lag(groupId, Set.copyOf(onBroker.values()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consumerGroup", groupId);
        Map<String, DeadLetters.Summary> dead = deadLetters.summary();
        out.put("topics", TOPICS.stream().map(t -> new TopicStatus(t, last.get(t), brokerLag.get(onBroker.get(t)),
                counters.of(t), dead.getOrDefault(onBroker.get(t), new DeadLetters.Summary(0, null)))).toList());
        return out;
    }
}
