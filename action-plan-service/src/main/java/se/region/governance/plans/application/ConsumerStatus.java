package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.events.DeadLetters;
import se.region.governance.plans.config.DocumentsChannelConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the consumer of the documents' events did: this instance's counters since start (received,
 * applied, dead-lettered) and the dead letters kept (how many, the latest), for operators.
 */
@ApplicationScoped
public class ConsumerStatus {

    private static final List<String> COUNTERS = List.of("received", "applied", "deadLettered");

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    @Inject
    DeadLetters deadLetters;
    @Inject
    DocumentsChannelConfig channel;

    public void received() {
        counts.computeIfAbsent("received", k -> new AtomicLong()).incrementAndGet();
    }

    public void applied() {
        counts.computeIfAbsent("applied", k -> new AtomicLong()).incrementAndGet();
    }

    public void deadLettered() {
        counts.computeIfAbsent("deadLettered", k -> new AtomicLong()).incrementAndGet();
    }

    /** The topic as read on the broker, with its counters and dead letters. */
    public record TopicStatus(String topic, Map<String, Long> sinceStart, DeadLetters.Summary deadLetters) {
    }

    public record Status(String consumerGroup, List<TopicStatus> topics) {
    }

    public Status status() {
        Map<String, Long> since = new LinkedHashMap<>();
        COUNTERS.forEach(c -> since.put(c, counts.getOrDefault(c, new AtomicLong()).get()));
        DeadLetters.Summary dead = deadLetters.summary().getOrDefault(channel.topic(), new DeadLetters.Summary(0, null));
        return new Status(channel.groupId(), List.of(new TopicStatus(channel.topic(), since, dead)));
    }
}
