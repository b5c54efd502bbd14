package se.region.governance.reports.infrastructure;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.reports.application.ConsumerCounters;
import se.region.governance.reports.application.EventIngest;
import se.region.governance.reports.domain.EventTypes;

/**
 * Consumes the documents' and the plans' events. At least once: the offset is acknowledged after the
 * event is applied (in its own transaction, de-duplicated on the event id), so a restart re-reads from the
 * last acknowledged offset and a redelivery changes nothing. A record that is not a CloudEvent is logged
 * and skipped; it never stops the consumer.
 */
@ApplicationScoped
public class EventConsumers {

    @Inject
    CloudEventCodec codec;
    @Inject
    EventIngest ingest;
    @Inject
    ConsumerCounters counters;

    @Incoming("governance-documents")
    @Blocking
    public void documents(ConsumerRecord<String, String> record) {
        consume(EventTypes.DOCUMENTS_TOPIC, record);
    }

    @Incoming("actionplan-plans")
    @Blocking
    public void plans(ConsumerRecord<String, String> record) {
        consume(EventTypes.PLANS_TOPIC, record);
    }

    void consume(String topic, ConsumerRecord<String, String> record) {
        counters.received(topic);
        ReceivedEvent event;
        try {
            if (record.value() == null) {
                throw new IllegalArgumentException("empty record");
            }
            event = codec.parse(record.value());
            if (event.id() == null || event.type() == null || event.time() == null) {
                throw new IllegalArgumentException("event without id, type or time");
            }
        } catch (IllegalArgumentException e) {
            counters.malformed(topic);
            Log.warnf("Skipped a malformed record on %s (partition %d, offset %d): %s", topic, record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        ingest.apply(topic, event, record.partition(), record.offset());
    }
}
