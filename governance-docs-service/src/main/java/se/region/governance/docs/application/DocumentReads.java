package se.region.governance.docs.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import se.region.governance.docs.infrastructure.KeptDocumentJson;

import java.util.UUID;

/**
 * GET by id, the hot path of other regional systems' lookups: the document's JSON as kept by
 * {@link KeptDocumentJson} (no database work while it is unchanged), else loaded, hydrated and
 * serialised once.
 */
@ApplicationScoped
public class DocumentReads {

    private final DocumentService service;
    private final ObjectMapper json;
    private final KeptDocumentJson kept;

    @Inject
    public DocumentReads(DocumentService service, ObjectMapper json, KeptDocumentJson kept) {
        this.service = service;
        this.json = json;
        this.kept = kept;
    }

    /** The document's kept JSON, or null: no database work, fit for an I/O thread. */
    public DocumentJson kept(UUID id) {
        return kept.kept(id);
    }

    /** The document's JSON, kept or loaded (blocking: a worker thread). */
    @ActivateRequestContext
    public DocumentJson get(UUID id) {
        return kept.get(id, () -> serialise(service.get(id)));
    }

    private DocumentJson serialise(DocumentView view) {
        try {
            return new DocumentJson(view.version(), json.writeValueAsBytes(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document " + view.id() + " not serialisable", e);
        }
    }
}
