package se.region.governance.commons.events;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import se.region.governance.commons.config.OutboxRelayConfig;
import se.region.governance.commons.jdbc.DedicatedConnections;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka, oldest first, at least once.
 * <ul>
 *   <li>One publisher at a time across instances: the relay that holds a session-level advisory lock on
 *       its own connection publishes; the others try to take it at every poll. So events of one aggregate
 *       leave in the order they were written; the idempotent producer keeps that order on the broker. A
 *       publisher whose connection or process dies loses the lock with its session, and another takes
 *       over.</li>
 *   <li>A batch is stamped published only after the broker acknowledged every record of it; if Kafka
 *       is away, nothing is stamped and the batch is retried with back-off: writes go on meanwhile.</li>
 *   <li>Woken right after a commit that wrote events, and otherwise polls every
 *       {@code governance.outbox.poll-interval}. It publishes at once: the commits that come while a
 *       batch is out join the next one, so under load a batch (a select, a produce request, a stamp)
 *       carries several events without waiting for them (docs/adr/0006).</li>
 *   <li>Works on a database connection of its own, not one of the pool's: under a burst of requests
 *       that holds every pooled connection, events still leave. Its statements run in autocommit (a batch
 *       is a select and, once acknowledged, a stamp), and the stamps are committed without waiting for the
 *       WAL flush ({@code synchronous_commit = off}): a stamp lost in a database crash only means the event
 *       is published again, which consumers recognise by its id.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    /** The advisory lock (per database) that the publishing relay holds for its session: "gov-out". */
    public static final long PUBLISHING_LOCK = 0x676f762d6f7574L;

    @Inject
    DedicatedConnections connections;

    @Inject
    OutboxRelayConfig config;

    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile String lastError;
    private KafkaProducer<String, byte[]> producer;
    private Connection connection; // the relay thread's own
    private boolean publisher; // this relay holds the publishing lock on that connection's session

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Outbox relay disabled (governance.outbox.enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer();
        closeConnection();
    }

    /** Asks the relay to look for new rows now (called after a commit that wrote events). */
    public void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Events this instance has published since start. */
    public long publishedCount() {
        return published.get();
    }

    /** The last publishing failure, or null after a successful batch. */
    public String lastError() {
        return lastError;
    }

    private void loop() {
        long backoffMillis = 0;
        long lastCleanup = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    wake.tryAcquire(backoffMillis, TimeUnit.MILLISECONDS);
                }
                int sent = publishBatch();
                backoffMillis = 0;
                lastError = null;
                if (System.currentTimeMillis() - lastCleanup > 3_600_000L) {
                    deletePublishedBeforeRetention();
                    lastCleanup = System.currentTimeMillis();
                }
                if (sent < config.batchSize()) {
                    wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 500), 5000);
                if (!String.valueOf(e.getMessage()).equals(lastError)) {
                    Log.warnf("Outbox relay could not publish (retrying every <= %d ms): %s", 5000, e.getMessage());
                }
                lastError = String.valueOf(e.getMessage());
                closeProducer(); // a fresh producer and connection after a failure: no half-failed state is reused
                closeConnection();
            }
        }
    }

    /** Publishes one batch; returns how many rows it published (none while another relay publishes). */
    int publishBatch() throws Exception {
        Connection c = connection();
        if (!publisher && !(publisher = tryLock(c))) {
            return 0;
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, topic, aggregate_id, payload from event_outbox where published_at is null"
                        + " order by seq limit ?")) {
            ps.setInt(1, config.batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topicPrefix().orElse("") + rs.getString(2),
                            rs.getString(3),
                            rs.getString(4).getBytes(StandardCharsets.UTF_8));
                    record.headers().add("content-type",
                            CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
                    Future<RecordMetadata> ack = producer().send(record);
                    if (ack.isDone()) {
                        // failed at once (the topic's metadata did not come within max.block.ms): send nothing
                        // after it, or a later event of the batch could reach the broker before this one
                        ack.get();
                    }
                    acks.add(ack);
                    seqs.add(rs.getLong(1));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        producer().flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(); // throws if the broker did not take it: nothing of this batch is stamped
        }
        try (PreparedStatement ps = c.prepareStatement(
                "update event_outbox set published_at = now() where seq = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", seqs.toArray()));
            ps.executeUpdate();
        }
        published.addAndGet(seqs.size());
        return seqs.size();
    }

    /** Takes the publishing lock for this connection's session, unless another relay holds it. */
    private static boolean tryLock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_lock(?)")) {
            ps.setLong(1, PUBLISHING_LOCK);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void deletePublishedBeforeRetention() throws SQLException {
        try (PreparedStatement ps = connection().prepareStatement(
                "delete from event_outbox where published_at < now() - cast(? as interval)")) {
            ps.setString(1, config.retention().getSeconds() + " seconds");
            ps.executeUpdate();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = connections.open("outbox-relay", 30);
            try (var s = c.createStatement()) {
                s.execute("set synchronous_commit = off");
            }
            connection = c;
            publisher = false;
        }
        return connection;
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        publisher = false; // the lock ended with the session
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                Log.debug("closing the relay's connection", e);
            }
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000);
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
            producer = new KafkaProducer<>(p, new StringSerializer(),
                    new org.apache.kafka.common.serialization.ByteArraySerializer());
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                Log.debug("closing Kafka producer", e);
            }
            producer = null;
        }
    }
}
