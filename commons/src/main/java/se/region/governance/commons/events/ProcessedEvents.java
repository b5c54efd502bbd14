package se.region.governance.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumer inbox: an idempotent consumer records each event id in the same transaction that
 * applies the event, and skips an id it has seen (redelivery after a rebalance, a restart, a
 * relay retry).
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /** True the first time {@code consumer} sees {@code eventId}; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String topic, String eventId) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id, topic) values (?1, ?2, ?3)"
                        + " on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, topic)
                .executeUpdate() == 1;
    }
}
