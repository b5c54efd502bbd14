package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.plans.domain.Plan;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /**
     * The plan, locked until the transaction ends. Every write to a plan (its measures, updates,
     * collaborations) takes this lock first, so the plan's changes get their seq in commit order.
     */
    public Optional<Plan> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(UUID id) {
        return getEntityManager().createNativeQuery("select 1 from plan where id = ?1")
                .setParameter(1, id).getResultList().size() == 1;
    }
}
