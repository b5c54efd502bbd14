package se.region.governance.reports.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What this instance's consumers saw since start, per topic: records received, applied, redelivered, dead-lettered. */
@ApplicationScoped
public class ConsumerCounters {

    private final Map<String, Map<String, AtomicLong>> counts = new ConcurrentHashMap<>();

    public void received(String topic) {
        counter(topic, "received").incrementAndGet();
    }

    public void applied(String topic) {
        counter(topic, "applied").incrementAndGet();
    }

    public void duplicate(String topic) {
        counter(topic, "duplicates").incrementAndGet();
    }

    public void deadLettered(String topic) {
        counter(topic, "deadLettered").incrementAndGet();
    }

    public Map<String, Long> of(String topic) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String k : new String[]{"received", "applied", "duplicates", "deadLettered"}) {
            m.put(k, counter(topic, k).get());
        }
        return m;
    }

    private AtomicLong counter(String topic, String what) {
        return counts.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).computeIfAbsent(what, w -> new AtomicLong());
    }
}
