package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.plans.domain.Plan;

import org.hibernate.Session;
import se.region.governance.plans.domain.ProgressRollup;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /**
     * The plan, locked until the transaction ends. Every write to a plan (its measures, updates,
     * collaborations) takes this lock, so the plan's changes get their seq in commit order, across instances too.
     */
    public Optional<Plan> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks the plan as {@link #findForUpdate} does and reads the roll-up's view of its measures, in one
     * round trip: the two statements are sent together, and the second, run once the lock is granted,
     * sees every write committed before (read committed: each statement has its own snapshot). Empty when
     * there is no such plan. Keeps the time a plan is locked short when its writes queue.
     */
    public Optional<List<ProgressRollup.Node>> lockWithRollupNodes(UUID id) {
        Session session = getEntityManager().unwrap(Session.class);
        session.flush(); // what this transaction changed counts
        return session.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("select id from plan where id = ? for update; "
                    + MeasureRepository.NODES)) {
                ps.setObject(1, id);
                ps.setObject(2, id);
                ps.execute();
                try (ResultSet plan = ps.getResultSet()) {
                    if (!plan.next()) {
                        return Optional.empty();
                    }
                }
                if (!ps.getMoreResults()) {
                    throw new IllegalStateException("no result for the measures' select");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    return Optional.of(MeasureRepository.nodes(rs));
                }
            }
        });
    }

    public boolean exists(UUID id) {
        return getEntityManager().createNativeQuery("select 1 from plan where id = ?1")
                .setParameter(1, id).getResultList().size() == 1;
    }
}
