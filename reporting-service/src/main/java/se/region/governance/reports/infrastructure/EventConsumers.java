package se.region.governance.reports.infrastructure;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.commons.events.EventIntake;
import se.region.governance.reports.application.ConsumerCounters;
import se.region.governance.reports.application.EventIngest;
import se.region.governance.reports.domain.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Consumes the documents' and the plans' events, a poll's batch at a time. At least once: the offsets
 * are acknowledged after the batch is applied (one transaction, each event de-duplicated on its id), so a
 * restart re-reads from the last acknowledged offset and a redelivery changes nothing. One record never
 * stops the consumer: a record that is not an event of the topic's producer, or that cannot be applied,
 * goes to the dead letters ({@link EventIntake}) and the next one is applied.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    EventIntake intake;
    @Inject
    EventIngest ingest;
    @Inject
    ConsumerCounters counters;

    @Incoming("governance-documents")
    @Blocking
    public void documents(ConsumerRecords<String, String> records) {
        consume(EventTypes.DOCUMENTS_TOPIC, EventTypes.DOCUMENTS_SOURCE, records);
    }

    @Incoming("actionplan-plans")
    @Blocking
    public void plans(ConsumerRecords<String, String> records) {
        consume(EventTypes.PLANS_TOPIC, EventTypes.PLANS_SOURCE, records);
    }

    void consume(String topic, String source, ConsumerRecords<String, String> records) {
        List<Read> batch = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            counters.received(topic);
            Optional<ReceivedEvent> event = intake.read(record, source);
            if (event.isPresent()) {
                batch.add(new Read(record, event.get()));
            } else {
                counters.deadLettered(topic);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            ingest.applyAll(topic, batch.stream().map(Read::delivery).toList());
        } catch (RuntimeException batchFailed) {
            // one event of the batch (or the database) failed: apply them one by one, each with its retries,
            // so that only an event that cannot be applied is set aside
            for (Read read : batch) {
                if (!intake.apply(read.record(), read.event(), () -> ingest.applyAll(topic, List.of(read.delivery())))) {
                    counters.deadLettered(topic);
                }
            }
        }
    }

    private record Read(ConsumerRecord<String, String> record, ReceivedEvent event) {
        EventIngest.Delivery delivery() {
            return new EventIngest.Delivery(event, record.partition(), record.offset());
        }
    }
}
