package se.region.governance.plans.infrastructure;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.commons.events.EventIntake;
import se.region.governance.plans.application.ConsumerStatus;
import se.region.governance.plans.application.DocumentReplicas;

import java.util.Optional;

/**
 * Feeds the document replica from governance.documents. A record that is not an event of the
 * documents service, or that cannot be applied after its retries, goes to the dead letters
 * ({@link EventIntake}) and the next record is applied; only the database being away stops the channel.
 */
@ApplicationScoped
public class DocumentEventsConsumer {

    /** The producer of governance.documents, as its events' {@code source}. */
    static final String SOURCE = "/governance-docs-service";

    @Inject
    EventIntake intake;
    @Inject
    DocumentReplicas replicas;
    @Inject
    ConsumerStatus status;

    @Incoming("governance-documents")
    @Blocking
    public void consume(ConsumerRecord<String, Object> record) {
        status.received();
        Optional<ReceivedEvent> event = intake.read(record, SOURCE);
        if (event.isPresent() && intake.apply(record, event.get(), () -> replicas.apply(event.get()))) {
            status.applied();
        } else {
            status.deadLettered();
        }
    }
}
