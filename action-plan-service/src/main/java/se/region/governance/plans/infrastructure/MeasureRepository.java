package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.ProgressRollup;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MeasureRepository implements PanacheRepositoryBase<Measure, UUID> {

    /** The measure, its row locked for the rest of the transaction. */
    public Measure findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<Measure> ofPlan(UUID planId) {
        return list("planId", planId);
    }

    public boolean codeTaken(UUID planId, String code, UUID except) {
        return count("planId = ?1 and code = ?2 and id <> ?3", planId, code, except == null ? new UUID(0, 0) : except) > 0;
    }

    /** The roll-up's view of every measure of the plan: five columns, no entities. */
    public List<ProgressRollup.Node> nodesOf(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select id, parent_id, progress, weight, status from measure where plan_id = ?1")
                .setParameter(1, planId).getResultList();
        return rows.stream().map(r -> new ProgressRollup.Node((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), MeasureStatus.valueOf((String) r[4]))).toList();
    }

    /** Open measures of the plan whose due date has passed. */
    public List<Measure> overdue(UUID planId, java.time.LocalDate today) {
        return list("planId = ?1 and status in ?2 and dueDate < ?3", planId, OPEN, today);
    }

    private static final List<MeasureStatus> OPEN = List.of(MeasureStatus.PLANNED, MeasureStatus.IN_PROGRESS,
            MeasureStatus.BLOCKED);

    /** Open measures of the plan. */
    public List<Measure> openOf(UUID planId) {
        return list("planId = ?1 and status in ?2", planId, OPEN);
    }

    /** Open measures of every plan (the reminder job's candidates). */
    public List<Measure> open() {
        return list("status in ?1 order by planId, code", OPEN);
    }
}
