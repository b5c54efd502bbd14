package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import se.region.governance.plans.domain.Plan;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    @Inject
    PlanWriteQueue queue;

    /**
     * The plan, locked until the transaction ends. Every write to a plan (its measures, updates,
     * collaborations) takes this lock, so the plan's changes get their seq in commit order. This
     * instance's writers of the plan take turns before they ask for it ({@link PlanWriteQueue}).
     */
    public Optional<Plan> findForUpdate(UUID id) {
        queue.awaitTurn(id);
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean exists(UUID id) {
        return getEntityManager().createNativeQuery("select 1 from plan where id = ?1")
                .setParameter(1, id).getResultList().size() == 1;
    }
}
