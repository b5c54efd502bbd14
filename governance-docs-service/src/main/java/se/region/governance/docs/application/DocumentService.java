package se.region.governance.docs.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.Outbox;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.DocumentType;
import se.region.governance.docs.infrastructure.DocumentRepository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/** Use cases of the register. */
@ApplicationScoped
public class DocumentService {

    @Inject
    DocumentRepository documents;

    @Inject
    Outbox outbox;

    @Transactional
    public Document create(String diaryNumber, String title, DocumentType type) {
        if (documents.diaryNumberTaken(diaryNumber)) {
            throw new DomainException(DomainException.Kind.CONFLICT, "duplicate-diary-number", "Duplicate diary number",
                    "A document with diary number " + diaryNumber + " is already registered",
                    Map.of("diaryNumber", diaryNumber));
        }
        Document d = Document.draft(diaryNumber, title, type, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        documents.persist(d);
        outbox.append(DocumentEvents.TOPIC, DocumentEvents.CREATED, d.id.toString(),
                Map.of("id", d.id, "diaryNumber", d.diaryNumber, "title", d.title, "type", d.type, "status", d.status));
        return d;
    }

    @Transactional
    public Document get(UUID id) {
        Document d = documents.findById(id);
        if (d == null) {
            throw DomainException.notFound("Document", id);
        }
        return d;
    }
}
