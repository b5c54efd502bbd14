package se.region.governance.plans.application;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.commons.events.ProcessedEvents;
import se.region.governance.plans.application.Views.DocumentRef;
import se.region.governance.plans.domain.DocumentReplica;
import se.region.governance.plans.infrastructure.DocumentReplicaRepository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps the replica of governing documents from governance.documents: idempotent on the event id
 * (a redelivery changes nothing) and ordered by the document's updatedAt (an older event arriving
 * late never overwrites a newer state).
 */
@ApplicationScoped
public class DocumentReplicas {

    public static final String CONSUMER = "action-plan-service/document-replica";
    public static final String TOPIC = "governance.documents";

    @Inject
    ProcessedEvents processed;
    @Inject
    DocumentReplicaRepository replicas;
    @Inject
    Clock clock;

    /** Applies one event; throws {@link IllegalArgumentException} if it lacks what a document event has. */
    @Transactional
    public void apply(ReceivedEvent event) {
        if (event.type() == null || !event.type().startsWith("governance.document.")) {
            return; // another producer's event on the topic: not ours to apply
        }
        JsonNode doc = event.data().path("document");
        UUID id = uuid(doc.path("id").asText(null));
        String title = doc.path("title").asText(null);
        String status = doc.path("status").asText(null);
        if (id == null || title == null || status == null) {
            throw new IllegalArgumentException("event " + event.id() + " has no data.document with id, title and status");
        }
        OffsetDateTime updatedAt = time(doc.path("updatedAt").asText(null));
        OffsetDateTime sourceTime = updatedAt != null ? updatedAt : event.time();
        if (sourceTime == null) {
            throw new IllegalArgumentException("event " + event.id() + " has neither data.document.updatedAt nor time");
        }
        if (!processed.firstDelivery(CONSUMER, TOPIC, event.id())) {
            Log.debugf("document event %s seen before: skipped", event.id());
            return;
        }
        boolean written = replicas.upsertIfNewer(id, doc.path("diaryNumber").asText(null), title, status, sourceTime,
                event.time(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        if (!written) {
            Log.debugf("document event %s older than the replica of %s: not applied", event.id(), id);
        }
    }

    @Transactional
    public Optional<DocumentRef> find(UUID id) {
        DocumentReplica d = replicas.findById(id);
        return d == null ? Optional.empty() : Optional.of(new DocumentRef(d.id, d.diaryNumber, d.title, d.status));
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OffsetDateTime time(String s) {
        try {
            return s == null || s.isBlank() ? null : OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("data.document.updatedAt is not an ISO-8601 time: " + s, e);
        }
    }
}
