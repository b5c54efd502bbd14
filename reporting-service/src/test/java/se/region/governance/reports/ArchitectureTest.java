package se.region.governance.reports;

import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.ArchitectureRules;

/** Layering (api → application → domain; infrastructure below) and no Kafka producer outside the outbox. */
class ArchitectureTest {

    @Test
    void layersAndEventPublishingFollowTheRules() {
        ArchitectureRules.verify("se.region.governance.reports");
    }
}
