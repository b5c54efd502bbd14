package se.region.governance.reports.testing;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import se.region.governance.commons.testing.TestTopics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

/**
 * Publishes events the way the documents and plans services do (structured CloudEvents JSON, key = aggregate id), on
 * this test run's topics ({@link TestTopics}).
 */
public final class Broker {

    private static KafkaProducer<String, String> producer;

    private Broker() {
    }

    public static synchronized void publish(List<Section183.Event> events) {
        for (Section183.Event e : events) {
            send(e.topic(), e.key(), e.json());
        }
        producer().flush();
    }

    /** Sends to {@code topic} (the contract's name) as this test run's services read it on the broker. */
    public static synchronized void send(String topic, String key, String value) {
        ProducerRecord<String, String> r = new ProducerRecord<>(TestTopics.onBroker(topic), key, value);
        r.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer().send(r).get();
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Waits until {@code condition} holds; fails with {@code what} at the deadline. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        Awaitility.await(what).atMost(deadline).until(condition::getAsBoolean);
    }
}
