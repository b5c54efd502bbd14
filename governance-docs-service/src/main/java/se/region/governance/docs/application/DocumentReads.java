package se.region.governance.docs.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.docs.infrastructure.DocumentRepository;

import java.util.OptionalLong;
import java.util.UUID;

/**
 * GET by id, the hot path of other regional systems' lookups. The JSON of a document is kept per
 * (id, version); every read first asks the database for the document's current version (one
 * primary-key lookup) and answers the kept JSON only when it is of that version. So a read never
 * answers a stale document, also with several instances writing, and a document that did not change
 * is not loaded, hydrated and serialised again. Bounded by {@code governance.documents.read-cache.max-size}
 * (default 10,000 documents, a few kB each; 0 turns it off).
 */
@ApplicationScoped
public class DocumentReads {

    /** A document's JSON as the API writes it, and the version (ETag) it is of. */
    public record Json(long version, byte[] body) {
    }

    private final DocumentRepository documents;
    private final DocumentService service;
    private final ObjectMapper json;
    private final Cache<UUID, Json> cache;

    @Inject
    public DocumentReads(DocumentRepository documents, DocumentService service, ObjectMapper json,
                         @ConfigProperty(name = "governance.documents.read-cache.max-size", defaultValue = "10000") long maxSize) {
        this.documents = documents;
        this.service = service;
        this.json = json;
        this.cache = maxSize <= 0 ? null : Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    public Json get(UUID id) {
        if (cache == null) {
            return serialise(service.get(id));
        }
        OptionalLong current = documents.versionOf(id);
        if (current.isEmpty()) {
            throw DomainException.notFound("Document", id);
        }
        Json kept = cache.getIfPresent(id);
        if (kept != null && kept.version() == current.getAsLong()) {
            return kept;
        }
        Json fresh = serialise(service.get(id)); // may be newer than `current` if a write just committed: fine
        cache.asMap().merge(id, fresh, (a, b) -> a.version() >= b.version() ? a : b);
        return fresh;
    }

    private Json serialise(DocumentView view) {
        try {
            return new Json(view.version(), json.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document " + view.id() + " not serialisable", e);
        }
    }
}
