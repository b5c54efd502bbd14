package se.region.governance.commons.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * A plain Kafka consumer, as an integration script would use one: reads a topic from the beginning
 * and returns the CloudEvents (parsed JSON) that match, waiting up to a deadline.
 */
public final class TopicReader implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<Event> seen = new ArrayList<>();

    public TopicReader(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** The record (key and parsed value) of one event. */
    public record Event(String key, JsonNode value, ConsumerRecord<String, String> record) {
        public String type() {
            return value.path("type").asText();
        }

        public String id() {
            return value.path("id").asText();
        }

        public JsonNode data() {
            return value.path("data");
        }
    }

    /**
     * Reads until at least {@code count} events matching {@code filter} were seen or {@code timeout}
     * passed, and returns all matching ones.
     * Every event read is kept, so a later call also finds events an earlier call read past.
     */
    public List<Event> await(Predicate<Event> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> found = matching(filter);
        while (found.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                try {
                    seen.add(new Event(r.key(), JSON.readTree(r.value()), r));
                } catch (Exception ignored) {
                    // not JSON: not one of ours
                }
            }
            found = matching(filter);
        }
        return found;
    }

    /** Every event read so far, in topic-partition order of arrival. */
    public List<Event> seen() {
        return List.copyOf(seen);
    }

    private List<Event> matching(Predicate<Event> filter) {
        return seen.stream().filter(filter).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** Events with the given subject (aggregate id). */
    public List<Event> awaitSubject(String subject, int count, Duration timeout) {
        return await(e -> subject.equals(e.value().path("subject").asText()), count, timeout);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
