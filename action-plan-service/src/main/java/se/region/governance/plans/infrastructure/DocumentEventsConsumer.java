package se.region.governance.plans.infrastructure;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec;
import se.region.governance.commons.events.ConsumerRetry;
import se.region.governance.plans.application.DocumentReplicas;

/**
 * Feeds the document replica from governance.documents. A malformed record (or one whose data is
 * unusable) is logged and skipped. A failure to apply a good one (the database away, the persistence
 * unit still starting while events wait in the topic) is retried in place by {@link ConsumerRetry};
 * only a persistent failure stops the channel, which turns health DOWN rather than losing the event.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    @Inject
    CloudEventCodec codec;
    @Inject
    DocumentReplicas replicas;
    @Inject
    ConsumerRetry retry;

    @Incoming("governance-documents")
    @Blocking
    public void consume(ConsumerRecord<String, Object> record) {
        CloudEventCodec.ReceivedEvent event;
        try {
            if (!(record.value() instanceof String value)) {
                throw new IllegalArgumentException("value is not text: "
                        + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
            }
            event = codec.parse(value);
        } catch (RuntimeException e) {
            Log.warnf("skipped a malformed record on %s (partition %d, offset %d): %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        try {
            retry.run("document event " + event.id() + " (offset " + record.offset() + ")", () -> replicas.apply(event));
        } catch (IllegalArgumentException e) {
            Log.warnf("skipped document event %s (offset %d): %s", event.id(), record.offset(), e.getMessage());
        }
    }
}
