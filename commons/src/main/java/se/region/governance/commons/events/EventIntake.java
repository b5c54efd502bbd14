package se.region.governance.commons.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import se.region.governance.commons.events.CloudEventCodec.ReceivedEvent;
import se.region.governance.commons.text.StorableText;

import java.util.Optional;

/**
 * The way every consumer takes a record in, so that one record never stops a consumer. A record is
 * read as a CloudEvent of the topic's producer; one that is not (not a structured CloudEvent, no id,
 * type or time, another {@code source}, text the set cannot store) goes to the {@link DeadLetters} at
 * once. A good event is applied with {@link ConsumerRetry}'s retries (a database restart is the usual
 * failure); if it still fails, or the apply finds it unusable ({@link IllegalArgumentException}), it
 * goes to the dead letters too, and the consumer goes on with the next record. A failure that is the
 * database's, not the event's (connection lost, shutdown, deadlock; {@link #isTransient}), and a dead
 * letter that cannot be stored, reach the messaging layer after the retries: it stops the channel and
 * turns readiness DOWN, and the record is read again after the restart, never lost.
 */
@ApplicationScoped
public class EventIntake {

    @Inject
    CloudEventCodec codec;
    @Inject
    ConsumerRetry retry;
    @Inject
    DeadLetters deadLetters;

    /** The record as an event of {@code expectedSource}, or empty when it was dead-lettered. */
    public Optional<ReceivedEvent> read(ConsumerRecord<String, ?> record, String expectedSource) {
        if (!(record.value() instanceof String value)) {
            deadLetters.store(record, null, null, record.value() == null ? "empty record" : "value is not text");
            return Optional.empty();
        }
        ReceivedEvent event;
        try {
            event = codec.parse(value);
        } catch (IllegalArgumentException e) {
            deadLetters.store(record, null, null, e.getMessage());
            return Optional.empty();
        }
        String refusal = refusal(event, expectedSource);
        if (refusal != null) {
            deadLetters.store(record, event.id(), event.type(), refusal);
            return Optional.empty();
        }
        return Optional.of(event);
    }

    /**
     * Applies the event (retrying transient failures); true when applied, false when it was dead-lettered.
     */
    public boolean apply(ConsumerRecord<String, ?> record, ReceivedEvent event, Runnable apply) {
        try {
            retry.run("event " + event.id() + " of " + record.topic() + " (partition " + record.partition()
                    + ", offset " + record.offset() + ")", apply);
            return true;
        } catch (RuntimeException e) {
            if (isTransient(e)) {
                throw e; // the database is away or overloaded: the event is fine and must not be set aside
            }
            deadLetters.store(record, event.id(), event.type(), "not applied: " + describe(e));
            return false;
        }
    }

    /**
     * A failure that says nothing about the event: the connection lost or refused (SQLSTATE class 08), the
     * server shutting down or out of resources (57, 53), a serialization failure or deadlock (40), a lock
     * not granted in time (55P03), or no pooled connection in time.
     */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53")
                        || state.startsWith("40") || state.equals("55P03"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().startsWith("Sorry, acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String refusal(ReceivedEvent event, String expectedSource) {
        if (event.id() == null || event.type() == null || event.time() == null) {
            return "event without id, type or time";
        }
        if (!expectedSource.equals(event.source())) {
            return "source " + event.source() + " is not this topic's producer " + expectedSource;
        }
        for (String attribute : new String[]{event.id(), event.type(), event.subject()}) {
            Optional<StorableText.Problem> p = StorableText.check(attribute);
            if (p.isPresent()) {
                return "an attribute " + p.get().describe();
            }
        }
        return StorableText.firstIn(event.data())
                .map(l -> "data" + l.pointer() + " " + l.problem().describe())
                .orElse(null);
    }

    private static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            b.append("; caused by ").append(cause);
        }
        return b.length() > 2000 ? b.substring(0, 2000) : b.toString();
    }
}
