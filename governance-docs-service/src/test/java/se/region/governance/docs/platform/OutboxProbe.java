package se.region.governance.docs.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.events.Outbox;

import java.util.Map;

/** Test-only use of the outbox on its own topic, to prove the mechanism apart from any domain. */
@ApplicationScoped
public class OutboxProbe {

    static final String TOPIC = "governance.test-outbox";

    @Inject
    Outbox outbox;

    @Transactional
    public void append(String subject, int n) {
        outbox.append(TOPIC, "test.outbox.sequenced", subject, Map.of("n", n));
    }

    @Transactional
    public void appendThenFail(String subject) {
        outbox.append(TOPIC, "test.outbox.rolled-back", subject, Map.of("n", -1));
        throw new IllegalStateException("the change fails after the event was written");
    }
}
