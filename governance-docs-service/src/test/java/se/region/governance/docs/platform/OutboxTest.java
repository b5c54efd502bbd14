package se.region.governance.docs.platform;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.events.OutboxRelay;
import se.region.governance.commons.security.Roles;
import se.region.governance.docs.application.DocumentEvents;
import se.region.governance.commons.testing.LocalInfra;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.commons.testing.TopicReader;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Foundation: the transactional outbox and its relay against the real PostgreSQL and Kafka.
 */
@QuarkusTest
class OutboxTest {

    @Inject
    OutboxProbe probe;

    @Inject
    AgroalDataSource dataSource;

    private static String createDocument(String title) {
        return given().auth().oauth2(TestTokens.token(Roles.REGISTRAR)).contentType("application/json")
                .body("{\"diaryNumber\":\"OB-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"title\":\"" + title + "\",\"type\":\"POLICY\"}")
                .post("/api/v1/documents").then().statusCode(201).extract().path("id");
    }

    @Test
    void aCreatedDocumentArrivesAsACloudEventWithEveryField() {
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            String id = createDocument("Personalpolitisk policy");
            List<TopicReader.Event> events = reader.awaitSubject(id, 1, Duration.ofSeconds(30));
            assertEquals(1, events.size(), "one created event for " + id);
            TopicReader.Event e = events.get(0);
            assertEquals(id, e.key(), "key = aggregate id");
            assertEquals("1.0", e.value().path("specversion").asText());
            assertEquals("governance.document.created", e.type());
            assertEquals("/governance-docs-service", e.value().path("source").asText());
            assertEquals(id, e.value().path("subject").asText());
            assertEquals("application/json", e.value().path("datacontenttype").asText());
            UUID.fromString(e.id());
            OffsetDateTime.parse(e.value().path("time").asText());
            assertEquals(id, e.data().path("document").path("id").asText());
            assertEquals("Personalpolitisk policy", e.data().path("document").path("title").asText());
            Header contentType = e.record().headers().lastHeader("content-type");
            assertEquals("application/cloudevents+json", new String(contentType.value(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aRolledBackTransactionEmitsNothing() throws Exception {
        String subject = "rollback-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(OutboxProbe.TOPIC))) {
            assertThrows(IllegalStateException.class, () -> probe.appendThenFail(subject));
            assertEquals(0, outboxRows(subject), "the event row rolled back with the change");
            // A later committed event of the same subject arrives; the rolled-back one, written
            // before it, would have arrived first had it been published.
            probe.append(subject, 1);
            List<TopicReader.Event> events = reader.awaitSubject(subject, 1, Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertEquals("test.outbox.sequenced", events.get(0).type());
            assertEquals(1, reader.awaitSubject(subject, 2, Duration.ofSeconds(2)).size(), "nothing else for " + subject);
        }
    }

    @Test
    void writesSucceedWhileKafkaIsDownAndTheirEventsArriveInOrderAfterwards() throws Exception {
        String subject = "outage-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(OutboxProbe.TOPIC));
             TopicReader documents = new TopicReader(TestTopics.onBroker(DocumentEvents.TOPIC))) {
            LocalInfra.kafkaStop();
            String docId;
            try {
                for (int n = 1; n <= 20; n++) {
                    probe.append(subject, n);
                }
                docId = createDocument("Skriven medan Kafka var borta"); // the API keeps working: 201
                assertTrue(unpublishedRows(subject) > 0, "events wait in the outbox while the broker is down");
            } finally {
                LocalInfra.kafkaStart();
            }
            List<TopicReader.Event> events = reader.awaitSubject(subject, 20, Duration.ofSeconds(90));
            assertEquals(20, events.size(), "every event written during the outage arrives");
            for (int i = 0; i < events.size(); i++) {
                assertEquals(i + 1, events.get(i).data().path("n").asInt(), "order per key is kept");
            }
            assertEquals(1, documents.awaitSubject(docId, 1, Duration.ofSeconds(60)).size());
            assertEquals(0, unpublishedRows(subject));
        }
    }

    @Test
    void theRelayMarksWhatItPublished() throws Exception {
        String subject = "stamp-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(OutboxProbe.TOPIC))) {
            probe.append(subject, 1);
            assertEquals(1, reader.awaitSubject(subject, 1, Duration.ofSeconds(30)).size());
            awaitStamped(subject);
            assertEquals(1, outboxRows(subject));
        }
    }

    @Test
    void eventsStillLeaveWhenTheRelaysOwnConnectionIsLost() throws Exception {
        String subject = "relay-connection-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(OutboxProbe.TOPIC))) {
            probe.append(subject, 1);
            assertEquals(1, reader.awaitSubject(subject, 1, Duration.ofSeconds(30)).size());
            // the relay works on a connection of its own, outside the pool: the database drops it
            endRelaySession();
            probe.append(subject, 2);
            probe.append(subject, 3);
            List<TopicReader.Event> events = reader.awaitSubject(subject, 3, Duration.ofSeconds(30));
            assertEquals(List.of(1, 2, 3), events.stream().map(e -> e.data().path("n").asInt()).distinct().toList(),
                    "the relay reconnects and publishes in order");
        }
    }

    /** Across instances one relay publishes: the one whose session holds the lock; another takes over. */
    @Test
    void onlyTheRelayHoldingThePublishingLockPublishes() throws Exception {
        String subject = "publisher-" + UUID.randomUUID();
        try (TopicReader reader = new TopicReader(TestTopics.onBroker(OutboxProbe.TOPIC)); Connection other = dataSource.getConnection()) {
            probe.append(subject, 1);
            assertEquals(1, reader.awaitSubject(subject, 1, Duration.ofSeconds(30)).size());
            // the stamp follows the broker's ack: ending the session before it lands would leave
            // event 1 unstamped too (to be sent again later, as at-least-once allows)
            awaitStamped(subject);
            // another "instance" takes the lock the moment this relay's session ends
            endRelaySession();
            publishingLock(other, "pg_advisory_lock");
            try {
                probe.append(subject, 2);
                // this relay does not publish while another holds the lock: the row stays unpublished for seconds
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> unpublishedRows(subject) == 1);
                assertEquals(1, reader.awaitSubject(subject, 2, Duration.ofMillis(500)).size(), "nothing new on the topic");
            } finally {
                publishingLock(other, "pg_advisory_unlock");
            }
            List<TopicReader.Event> events = reader.awaitSubject(subject, 2, Duration.ofSeconds(30));
            assertEquals(List.of(1, 2), events.stream().map(e -> e.data().path("n").asInt()).toList(),
                    "once the lock is free, this relay takes it and publishes what waited");
        }
    }

    /** Waits until every outbox row of {@code subject} carries its {@code published_at} (stamped after the broker's ack). */
    private void awaitStamped(String subject) {
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedRows(subject) == 0);
    }

    /** The database ends the relay's own session (and with it any lock the session held). */
    private void endRelaySession() throws Exception {
        assertEquals(1, count("select count(pg_terminate_backend(pid)) from pg_stat_activity"
                + " where application_name = ? and datname = current_database()", "outbox-relay"));
    }

    /** Takes ({@code pg_advisory_lock}, waiting) or releases ({@code pg_advisory_unlock}) the relays' lock. */
    private static void publishingLock(Connection c, String function) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("select " + function + "(?)")) {
            ps.setLong(1, OutboxRelay.PUBLISHING_LOCK);
            ps.execute();
        }
    }

    private long outboxRows(String subject) throws Exception {
        return count("select count(*) from event_outbox where aggregate_id = ?", subject);
    }

    private long unpublishedRows(String subject) throws Exception {
        return count("select count(*) from event_outbox where aggregate_id = ? and published_at is null", subject);
    }

    private long count(String sql, String subject) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, subject);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
