package se.region.governance.reports.infrastructure;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec;
import se.region.governance.commons.events.ConsumerRetry;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.reports.application.ConsumerCounters;
import se.region.governance.reports.application.EventIngest;
import se.region.governance.reports.domain.EventTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes the documents' and the plans' events, a poll's batch at a time. At least once: the offsets
 * are acknowledged after the batch is applied (one transaction, each event de-duplicated on its id), so a
 * restart re-reads from the last acknowledged offset and a redelivery changes nothing. A record that is
 * not a CloudEvent is logged and skipped; it never stops the consumer.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    CloudEventCodec codec;
    @Inject
    EventIngest ingest;
    @Inject
    ConsumerCounters counters;
    @Inject
    ConsumerRetry retry;

    @Incoming("governance-documents")
    @Blocking
    public void documents(ConsumerRecords<String, String> records) {
        consume(EventTypes.DOCUMENTS_TOPIC, records);
    }

    @Incoming("actionplan-plans")
    @Blocking
    public void plans(ConsumerRecords<String, String> records) {
        consume(EventTypes.PLANS_TOPIC, records);
    }

    void consume(String topic, ConsumerRecords<String, String> records) {
        List<EventIngest.Delivery> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent event = parse(topic, record);
            if (event != null) {
                batch.add(new EventIngest.Delivery(event, record.partition(), record.offset()));
            }
        }
        if (!batch.isEmpty()) {
            // a transient failure (the persistence unit still starting while events wait, the database
            // restarting) is retried in place; a persistent one stops the channel (readiness DOWN)
            retry.run(batch.size() + " event(s) of " + topic, () -> ingest.applyAll(topic, batch));
        }
    }

    ReceivedEvent parse(String topic, ConsumerRecord<String, String> record) {
        counters.received(topic);
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("empty record");
            }
            ReceivedEvent event = codec.parse(record.value());
            if (event.id() == null || event.type() == null || event.time() == null) {
                throw new IllegalArgumentException("event without id, type or time");
            }
            return event;
        } catch (IllegalArgumentException e) {
            counters.malformed(topic);
            Log.warnf("Skipped a malformed record on %s (partition %d, offset %d): %s", topic, record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }
}
