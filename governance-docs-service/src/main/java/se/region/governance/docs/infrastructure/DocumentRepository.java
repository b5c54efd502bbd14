package se.region.governance.docs.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.docs.domain.Document;

import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    public boolean diaryNumberTaken(String diaryNumber) {
        return count("lower(diaryNumber) = lower(?1)", diaryNumber) > 0;
    }
}
