package se.region.governance.plans.infrastructure;

import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec;
import se.region.governance.plans.application.DocumentReplicas;

/**
 * Feeds the document replica from governance.documents. A malformed record is logged and skipped;
 * a failure to apply a good one is retried a few times, then logged, so the consumer never stops.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    private static final int ATTEMPTS = 3;

    @Inject
    CloudEventCodec codec;
    @Inject
    DocumentReplicas replicas;

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
        for (int attempt = 1; ; attempt++) {
            try {
                replicas.apply(event);
                return;
            } catch (IllegalArgumentException e) {
                Log.warnf("skipped document event %s (offset %d): %s", event.id(), record.offset(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    Log.errorf(e, "could not apply document event %s (offset %d) after %d attempts; skipped",
                            event.id(), record.offset(), ATTEMPTS);
                    return;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
