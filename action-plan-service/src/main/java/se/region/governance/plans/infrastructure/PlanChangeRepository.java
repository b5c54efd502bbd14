package se.region.governance.plans.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.plans.domain.PlanChange;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PlanChangeRepository implements PanacheRepositoryBase<PlanChange, Long> {

    /** The plan's changes after {@code afterSeq}, in seq (= commit) order. */
    public List<PlanChange> after(UUID planId, long afterSeq, int limit) {
        return find("planId = ?1 and seq > ?2 order by seq", planId, afterSeq).range(0, limit - 1).list();
    }

    /**
     * Whether the plan exists, and its latest change (seq and time): one index lookup, enough to
     * answer a conditional GET of the status without building the summary.
     */
    public Optional<Latest> latest(UUID planId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                        "select p.id, c.seq, c.at from plan p left join lateral (select seq, at from plan_change"
                                + " where plan_id = p.id order by seq desc limit 1) c on true where p.id = ?1")
                .setParameter(1, planId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Latest(r[1] == null ? 0 : ((Number) r[1]).longValue(), toTime(r[2])));
    }

    public record Latest(long seq, OffsetDateTime at) {
    }

    private static OffsetDateTime toTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }
}
