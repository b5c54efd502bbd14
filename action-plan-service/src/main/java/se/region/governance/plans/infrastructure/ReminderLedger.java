package se.region.governance.plans.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The reminders already sent: the unique key makes each reminder go out at most once. */
@ApplicationScoped
public class ReminderLedger {

    @Inject
    EntityManager em;

    /** Records the reminder; false when it was sent before. */
    public boolean firstTime(UUID measureId, String kind, String periodKey, OffsetDateTime now) {
        return em.createNativeQuery("insert into sent_reminder (measure_id, kind, period_key, sent_at)"
                        + " values (?1, ?2, ?3, ?4) on conflict do nothing")
                .setParameter(1, measureId).setParameter(2, kind).setParameter(3, periodKey).setParameter(4, now)
                .executeUpdate() == 1;
    }
}
