package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.docs.domain.Document;
import se.region.governance.docs.domain.DocumentStatus;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public boolean diaryNumberTaken(String diaryNumber, UUID except) {
        return count("lower(diaryNumber) = lower(?1) and id <> ?2", diaryNumber,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    /** Those of the ids whose document is public (not a DRAFT): one query for a page's relations and successors. */
    public Set<UUID> publicAmong(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return getEntityManager().createQuery("select d.id from Document d where d.id in ?1 and d.status <> ?2", UUID.class)
                .setParameter(1, ids).setParameter(2, DocumentStatus.DRAFT).getResultStream().collect(Collectors.toSet());
    }

    /** The document, locked for the rest of the transaction: lifecycle steps on one document run one at a time. */
    public Optional<Document> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
