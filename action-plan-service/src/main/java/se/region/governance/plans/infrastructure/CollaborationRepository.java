package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.plans.domain.Collaboration;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CollaborationRepository implements PanacheRepositoryBase<Collaboration, UUID> {

    public List<Collaboration> ofPlan(UUID planId, int page, int size) {
        return find("planId = ?1 order by date, recordedAt, id", planId).page(Page.of(page, size)).list();
    }

    /** Every collaboration of the plan, plan-level and per measure, by date. */
    public List<Collaboration> allOfPlan(UUID planId) {
        return list("planId = ?1 order by date, recordedAt, id", planId);
    }

    public long countOfPlan(UUID planId) {
        return count("planId", planId);
    }

    public List<Collaboration> ofMeasure(UUID measureId, int page, int size) {
        return find("measureId = ?1 order by date, recordedAt, id", measureId).page(Page.of(page, size)).list();
    }

    public long countOfMeasure(UUID measureId) {
        return count("measureId", measureId);
    }
}
