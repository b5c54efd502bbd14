package se.region.governance.docs.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.docs.application.LifecycleViews.VersionView;
import se.region.governance.docs.application.PublicDocumentView.PublicVersionView;
import se.region.governance.docs.domain.DocumentStatus;
import se.region.governance.docs.infrastructure.DocumentRepository;
import se.region.governance.docs.infrastructure.VersionRepository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The public register (ADR 10): the register's search and reads, without drafts and without person names. */
@ApplicationScoped
public class PublicDocuments {

    @Inject
    DocumentService documents;
    @Inject
    DocumentRepository repository;
    @Inject
    VersionRepository versions;

    /** The search over the public documents only (drafts are left out by the query, so totals count public ones). */
    @Transactional
    public PageResponse<PublicDocumentView> search(DocumentQuery query) {
        PageResponse<DocumentView> page = documents.list(query.onlyPublic());
        Set<UUID> publicIds = publicAmongNamed(page.items());
        return page.map(d -> PublicDocumentView.of(d, publicIds, null));
    }

    /** A public document with its adoptions; a draft is not found, with the answer of an unknown id. */
    @Transactional
    public PublicDocumentView get(UUID id) {
        DocumentView d = documents.get(id);
        if (d.status() == DocumentStatus.DRAFT) {
            throw DomainException.notFound("Document", id);
        }
        List<PublicVersionView> adoptions = versions.ofDocument(id).stream().map(VersionView::of)
                .map(PublicVersionView::of).toList();
        return PublicDocumentView.of(d, publicAmongNamed(List.of(d)), adoptions);
    }

    /** Which of the documents that these name (relations, successors) are public. */
    private Set<UUID> publicAmongNamed(List<DocumentView> named) {
        Set<UUID> ids = new HashSet<>();
        for (DocumentView d : named) {
            d.relations().forEach(r -> ids.add(r.documentId()));
            if (d.successorId() != null) {
                ids.add(d.successorId());
            }
        }
        return repository.publicAmong(ids);
    }
}
