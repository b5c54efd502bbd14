package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.docs.domain.DocumentVersion;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class VersionRepository implements PanacheRepositoryBase<DocumentVersion, UUID> {

    public List<DocumentVersion> ofDocument(UUID documentId) {
        return list("documentId = ?1 order by number", documentId);
    }
}
