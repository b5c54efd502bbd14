package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.plans.domain.ProgressUpdate;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UpdateRepository implements PanacheRepositoryBase<ProgressUpdate, UUID> {

    /** A measure's updates, oldest first. */
    public List<ProgressUpdate> page(UUID measureId, int page, int size) {
        return find("measureId = ?1 order by date, recordedAt, id", measureId).page(Page.of(page, size)).list();
    }

    /**
     * The latest update by date of each of the measures that has one, in one query: the one that set the
     * measure's state (of one day's updates the one recorded last, as {@link #page} orders them).
     */
    @SuppressWarnings("unchecked")
    public List<ProgressUpdate> latestOf(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select distinct on (measure_id) * from progress_update"
                        + " where measure_id in (?1) order by measure_id, date desc, recorded_at desc, id desc",
                ProgressUpdate.class).setParameter(1, measureIds).getResultList();
    }

    public long countOf(UUID measureId) {
        return count("measureId", measureId);
    }

    public boolean exists(UUID measureId, java.time.LocalDate date, String text) {
        return count("measureId = ?1 and date = ?2 and text = ?3", measureId, date, text) > 0;
    }
}
