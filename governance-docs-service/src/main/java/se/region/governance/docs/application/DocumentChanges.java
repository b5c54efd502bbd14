package se.region.governance.docs.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.commons.events.FieldChange;
import se.region.governance.commons.events.Outbox;
import se.region.governance.commons.security.Caller;
import se.region.governance.docs.domain.AuditEntry;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.infrastructure.AuditRepository;
import se.region.governance.docs.infrastructure.DocumentRepository;
import se.region.governance.docs.infrastructure.KeptDocumentJson;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every change to a document goes through here, in the caller's transaction: the changed fields
 * are computed from before/after snapshots, written to the audit trail (who, when, what) and
 * published as an event through the outbox.
 */
@ApplicationScoped
public class DocumentChanges {

    @Inject
    DocumentRepository documents;
    @Inject
    AuditRepository audit;
    @Inject
    Outbox outbox;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    KeptDocumentJson keptJson;

    /**
     * @param before the document before the change (null on creation)
     * @param extras event-specific members of {@code data} (consultation, version, reason…)
     */
    public DocumentView record(DocumentView before, Document d, String eventType, Map<String, Object> extras) {
        return record(before, d, eventType, extras, null);
    }

    /** As above; {@code note} is what the audit trail says when no field changed (e.g. a response from Vision). */
    public DocumentView record(DocumentView before, Document d, String eventType, Map<String, Object> extras,
                               String note) {
        return write(before, d, eventType, extras, note, Map.of());
    }

    /**
     * As above, for a step whose own facts are not fields of the document (a review's startedOn and
     * reason): they are members of the event's {@code data} and each gets an audit line too (field =
     * the member's name, no previous value), so the history says what the step said.
     */
    public DocumentView recordWithFacts(DocumentView before, Document d, String eventType, Map<String, Object> facts) {
        return write(before, d, eventType, facts, null, facts);
    }

    private DocumentView write(DocumentView before, Document d, String eventType, Map<String, Object> extras,
                               String note, Map<String, Object> facts) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (before != null) {
            d.updatedAt = now;
        }
        keptJson.dropAfterTransaction(d.id);
        documents.flush(); // the version increments here: the view and its ETag are the committed ones
        DocumentView after = DocumentView.of(d);
        List<FieldChange> changed = FieldChange.between(before == null ? null : before.trackedFields(), after.trackedFields());
        String action = eventType.substring(eventType.lastIndexOf('.') + 1);
        if (changed.isEmpty() && facts.isEmpty()) {
            audit.persist(new AuditEntry(d.id, now, caller.subject(), caller.name(), action, null, null, note));
        }
        for (FieldChange c : changed) {
            audit.persist(new AuditEntry(d.id, now, caller.subject(), caller.name(), action, c.field(),
                    text(c.previous()), text(c.current())));
        }
        facts.forEach((field, value) -> audit.persist(new AuditEntry(d.id, now, caller.subject(), caller.name(), action,
                field, null, text(value))));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", after);
        data.putAll(extras);
        data.put("changes", changed);
        outbox.append(DocumentEvents.TOPIC, eventType, d.id.toString(), data);
        return after;
    }

    private String text(Object value) {
        if (value == null) {
            return null;
        }
        // dates as YYYY-MM-DD, not as a JSON string literal with its quotes
        if (value instanceof String || value instanceof Enum<?> || value instanceof Number || value instanceof Boolean
                || value instanceof LocalDate) {
            return value.toString();
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }
}
