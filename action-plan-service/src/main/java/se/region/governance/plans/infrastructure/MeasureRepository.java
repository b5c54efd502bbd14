package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import se.region.governance.plans.domain.Measure;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.ProgressRollup;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** The roll-up's view of every measure of a plan (the parameter): five columns, no entities. */
    static final String NODES = "select id, parent_id, progress, weight, status from measure where plan_id = ?";

    /** The roll-up's view of every measure of the plan. */
    public List<ProgressRollup.Node> nodesOf(UUID planId) {
        Session session = getEntityManager().unwrap(Session.class);
        session.flush(); // what this transaction changed counts
        return session.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(NODES)) {
                ps.setObject(1, planId);
                try (ResultSet rs = ps.executeQuery()) {
                    return nodes(rs);
                }
            }
        });
    }

    /** The roll-up's view of the measures of each of the plans (a plan without measures is absent), in one query. */
    public Map<UUID, List<ProgressRollup.Node>> nodesOfPlans(Collection<UUID> planIds) {
        if (planIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ProgressRollup.Node>> byPlan = new HashMap<>();
        getEntityManager().createQuery("select m.planId, m.id, m.parentId, m.progress, m.weight, m.status from Measure m"
                        + " where m.planId in ?1", Object[].class).setParameter(1, planIds).getResultList()
                .forEach(r -> byPlan.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add(new ProgressRollup.Node(
                        (UUID) r[1], (UUID) r[2], (Integer) r[3], (Integer) r[4], (MeasureStatus) r[5])));
        return byPlan;
    }

    static List<ProgressRollup.Node> nodes(ResultSet rs) throws SQLException {
        List<ProgressRollup.Node> nodes = new ArrayList<>();
        while (rs.next()) {
            nodes.add(new ProgressRollup.Node(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                    rs.getInt(4), MeasureStatus.valueOf(rs.getString(5))));
        }
        return nodes;
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
