package se.region.governance.commons.testing;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The broker's name of a topic in a test run: the contract's name behind the test profile's
 * {@code governance.outbox.topic-prefix}, the one the services' outbox publishes to and their consumers
 * read in tests, so a test never writes to or reads a running local set's topics.
 */
public final class TestTopics {

    private TestTopics() {
    }

    /** {@code topic} (a contract name such as governance.documents) as this test run's services use it on the broker. */
    public static String onBroker(String topic) {
        String prefix = ConfigProvider.getConfig().getOptionalValue("governance.outbox.topic-prefix", String.class).orElse("");
        if (prefix.isBlank()) {
            throw new IllegalStateException("tests must publish and read on prefixed topics: set %test.governance.outbox.topic-prefix");
        }
        return prefix + topic;
    }
}
