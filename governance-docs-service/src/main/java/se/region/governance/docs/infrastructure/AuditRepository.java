package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.docs.domain.AuditEntry;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

    public List<AuditEntry> page(UUID documentId, int page, int size) {
        return find("documentId = ?1 order by id", documentId).page(page, size).list();
    }

    public long countOf(UUID documentId) {
        return count("documentId", documentId);
    }
}
