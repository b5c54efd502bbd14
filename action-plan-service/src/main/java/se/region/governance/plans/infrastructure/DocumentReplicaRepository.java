package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.plans.domain.DocumentReplica;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DocumentReplicaRepository implements PanacheRepositoryBase<DocumentReplica, UUID> {

    public List<DocumentReplica> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * Inserts or updates the replica unless it already holds a newer state (by the document's
     * updatedAt, then the event time): an older event arriving late changes nothing.
     *
     * @return whether the row was written
     */
    public boolean upsertIfNewer(UUID id, String diaryNumber, String title, String status, OffsetDateTime sourceUpdatedAt,
                                 OffsetDateTime eventTime, OffsetDateTime now) {
        return getEntityManager().createNativeQuery("""
                        insert into document_replica (id, diary_number, title, status, source_updated_at, event_time, received_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (id) do update set diary_number = excluded.diary_number, title = excluded.title,
                            status = excluded.status, source_updated_at = excluded.source_updated_at,
                            event_time = excluded.event_time, received_at = excluded.received_at
                        where (document_replica.source_updated_at, coalesce(document_replica.event_time, '-infinity'))
                              <= (excluded.source_updated_at, coalesce(excluded.event_time, '-infinity'))""")
                .setParameter(1, id).setParameter(2, diaryNumber).setParameter(3, title).setParameter(4, status)
                .setParameter(5, sourceUpdatedAt).setParameter(6, eventTime).setParameter(7, now)
                .executeUpdate() == 1;
    }
}
