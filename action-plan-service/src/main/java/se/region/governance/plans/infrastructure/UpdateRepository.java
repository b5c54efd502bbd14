package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.plans.domain.ProgressUpdate;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UpdateRepository implements PanacheRepositoryBase<ProgressUpdate, UUID> {

    /** A measure's updates, oldest first. */
    public List<ProgressUpdate> page(UUID measureId, int page, int size) {
        return find("measureId = ?1 order by date, recordedAt, id", measureId).page(Page.of(page, size)).list();
    }

    public long countOf(UUID measureId) {
        return count("measureId", measureId);
    }

    public boolean exists(UUID measureId, java.time.LocalDate date, String text) {
        return count("measureId = ?1 and date = ?2 and text = ?3", measureId, date, text) > 0;
    }
}
