package se.region.governance.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactional outbox: an event is a row written in the caller's transaction, so it commits
 * or rolls back with the state change it describes. {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "governance.events.source")
    String source;

    /**
     * Records an event for {@code topic}, keyed by the aggregate id (so one aggregate's events keep
     * their order). Must run inside the transaction that makes the change.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEventCodec.OutgoingEvent append(String topic, String type, String aggregateId, Object data) {
        CloudEventCodec.OutgoingEvent event = codec.create(source, type, aggregateId, data);
        // Native SQL flushes pending entity changes first, so the aggregate's row lock precedes the seq.
        em.createNativeQuery("insert into event_outbox (event_id, topic, aggregate_id, event_type, occurred_at, payload)"
                        + " values (cast(?1 as uuid), ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, aggregateId)
                .setParameter(4, type)
                .setParameter(5, event.time())
                .setParameter(6, event.json())
                .executeUpdate();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return event;
    }
}
