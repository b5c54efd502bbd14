package se.region.governance.reports;

import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.ArchitectureRules;

/**
 * Layering (api → application → domain; infrastructure below), no Kafka producer outside the outbox, and a domain
 * free of storage types, wire formats, compression and threads.
 */
class ArchitectureTest {

    @Test
    void layersAndEventPublishingFollowTheRules() {
        ArchitectureRules.verify("se.region.governance.reports");
    }

    @Test
    void theDomainHoldsNoStorageWireFormatCompressionOrThreads() {
        ArchitectureRules.verifyPlainDomain("se.region.governance.reports");
    }
}
