package se.region.governance.commons.events;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import se.region.governance.commons.text.StorableText;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consumers' dead-letter store: a table ({@code dead_letter}, in each consuming service's own
 * database) holding every record that could not be applied, exactly as it was read (key and value as
 * bytes, so even a record that is not text is kept), with where it was read and why it was refused.
 * A table rather than a {@code <topic>.dlq} topic: it is written in the database the consumer already
 * depends on (a broker that is away cannot lose a dead letter), an operator reads it with SQL or
 * through the service's {@code consumers} endpoint, and a record redelivered after a restart is kept
 * once (unique on topic, partition and offset).
 */
@ApplicationScoped
public class DeadLetters {

    @Inject
    AgroalDataSource dataSource;

    /** Stores the record as a dead letter in its own transaction and logs it; false when it was already stored. */
    public boolean store(ConsumerRecord<?, ?> record, String eventId, String eventType, String reason) {
        boolean stored = QuarkusTransaction.requiringNew().call(() -> insert(record, eventId, eventType, reason));
        Log.errorf("Dead-lettered event %s (type %s) from %s partition %d offset %d%s: %s", eventId, eventType,
                record.topic(), record.partition(), record.offset(), stored ? "" : " (again)", reason);
        return stored;
    }

    private boolean insert(ConsumerRecord<?, ?> record, String eventId, String eventType, String reason)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into dead_letter (topic, kafka_partition, kafka_offset, record_key, record_value,
                                              event_id, event_type, reason)
                     values (?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (topic, kafka_partition, kafka_offset) do nothing""")) {
            s.setString(1, record.topic());
            s.setInt(2, record.partition());
            s.setLong(3, record.offset());
            s.setBytes(4, bytes(record.key()));
            s.setBytes(5, bytes(record.value()));
            s.setString(6, storable(eventId));
            s.setString(7, storable(eventType));
            s.setString(8, storable(reason));
            return s.executeUpdate() == 1;
        }
    }

    /** Per topic (as read on the broker): how many records were dead-lettered and the latest of them. */
    public Map<String, Summary> summary() {
        Map<String, Summary> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select distinct on (topic) topic, count(*) over (partition by topic) as n, event_id, event_type,
                            kafka_partition, kafka_offset, reason, dead_lettered_at
                     from dead_letter order by topic, dead_lettered_at desc, id desc""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.put(r.getString("topic"), new Summary(r.getLong("n"), new Latest(r.getString("event_id"),
                        r.getString("event_type"), r.getInt("kafka_partition"), r.getLong("kafka_offset"),
                        r.getString("reason"), r.getObject("dead_lettered_at", OffsetDateTime.class))));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dead letters not readable", e);
        }
        return out;
    }

    /** How many records of a topic were dead-lettered, and the latest. */
    public record Summary(long count, Latest latest) {
    }

    /** The latest dead letter of a topic: which event, where it was read, why it was refused, when. */
    public record Latest(String eventId, String eventType, int partition, long offset, String reason,
                         OffsetDateTime at) {
    }

    private static byte[] bytes(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof byte[] b) {
            return b;
        }
        return o.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The columns other than key and value are text; what cannot be stored there is shown as U+FFFD. */
    private static String storable(String s) {
        if (s == null || StorableText.isStorable(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> b.appendCodePoint(StorableText.isStorable(Character.toString(cp)) ? cp : 0xFFFD));
        return b.toString();
    }
}
