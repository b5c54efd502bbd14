package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.docs.domain.Document;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public boolean diaryNumberTaken(String diaryNumber, UUID except) {
        return count("lower(diaryNumber) = lower(?1) and id <> ?2", diaryNumber,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    /** The document, locked for the rest of the transaction: lifecycle steps on one document run one at a time. */
    public Optional<Document> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
