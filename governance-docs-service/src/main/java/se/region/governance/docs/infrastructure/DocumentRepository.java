package se.region.governance.docs.infrastructure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import se.region.governance.docs.domain.Document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {

    @Inject
    AgroalDataSource dataSource;

    public boolean diaryNumberTaken(String diaryNumber, UUID except) {
        return count("lower(diaryNumber) = lower(?1) and id <> ?2", diaryNumber,
                except == null ? new UUID(0, 0) : except) > 0;
    }

    /** The document with its principles and relations, in one query (the read path of GET by id). */
    public Optional<Document> findComplete(UUID id) {
        return find("select distinct d from Document d left join fetch d.principles left join fetch d.relations"
                + " where d.id = ?1", id).firstResultOptional();
    }

    /** The document, locked for the rest of the transaction: lifecycle steps on one document run one at a time. */
    public Optional<Document> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The document's version (its ETag), or empty when it does not exist: one primary-key lookup over
     * plain JDBC, no session or entity (the freshness check of the read cache).
     */
    public OptionalLong versionOf(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select version from document where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new PersistenceException("version of document " + id, e);
        }
    }
}
