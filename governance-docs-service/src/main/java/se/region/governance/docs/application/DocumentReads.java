package se.region.governance.docs.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * GET by id, the hot path of other regional systems' lookups: the document's JSON from
 * {@link DocumentJsonCache} (no database work while it is unchanged), else loaded, hydrated and
 * serialised once.
 */
@ApplicationScoped
public class DocumentReads {

    private final DocumentService service;
    private final ObjectMapper json;
    private final DocumentJsonCache cache;

    @Inject
    public DocumentReads(DocumentService service, ObjectMapper json, DocumentJsonCache cache) {
        this.service = service;
        this.json = json;
        this.cache = cache;
    }

    /** The document's kept JSON, or null: no database work, fit for an I/O thread. */
    public DocumentJsonCache.Json kept(UUID id) {
        return cache.kept(id);
    }

    /** The document's JSON, kept or loaded (blocking: a worker thread). */
    @ActivateRequestContext
    public DocumentJsonCache.Json get(UUID id) {
        return cache.get(id, () -> serialise(service.get(id)));
    }

    private DocumentJsonCache.Json serialise(DocumentView view) {
        try {
            return new DocumentJsonCache.Json(view.version(), json.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document " + view.id() + " not serialisable", e);
        }
    }
}
