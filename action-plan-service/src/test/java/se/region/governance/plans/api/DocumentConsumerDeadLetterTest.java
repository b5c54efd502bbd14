package se.region.governance.plans.api;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.plans.application.DocumentReplicas;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bad record never stops the consumer of governance.documents: a record that is not an event
 * of the documents service, holds text the set cannot store, or cannot be applied goes to the dead
 * letters, the next record is applied, readiness stays UP, and an operator sees the dead letters.
 */
@QuarkusTest
class DocumentConsumerDeadLetterTest {

    @Inject
    DocumentReplicas replicas;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void poisonedRecordsAreDeadLetteredAndTheNextDocumentIsApplied() throws Exception {
        long before = deadLetters();
        UUID doc = UUID.randomUUID();
        UUID next = UUID.randomUUID();
        String unapplicable = UUID.randomUUID().toString();
        List<String> poison = List.of(
                "this is not a CloudEvent",
                DocumentReplicaTest.event(UUID.randomUUID().toString(), doc, "Fel källa", "DRAFT", "2023-09-01T10:00:00Z")
                        .replace("/governance-docs-service", "/x"),
                DocumentReplicaTest.event(UUID.randomUUID().toString(), doc, "NUL \\u0000 i titeln", "DRAFT",
                        "2023-09-01T10:00:00Z"),
                DocumentReplicaTest.event(UUID.randomUUID().toString(), doc, "\\uFFFF", "DRAFT", "2023-09-01T10:00:00Z"),
                // data without the document this consumer needs: refused by the apply itself
                """
                        {"specversion":"1.0","id":"%s","source":"/governance-docs-service","type":"governance.document.updated",
                         "subject":"%s","time":"2023-09-01T10:00:00Z","data":{"document":{"id":"not-a-uuid"}}}"""
                        .formatted(unapplicable, doc));
        try (KafkaProducer<String, String> producer = producer()) {
            for (String value : poison) {
                producer.send(new ProducerRecord<>(DocumentReplicaTest.topic(), 0, doc.toString(), value)).get();
            }
            producer.send(new ProducerRecord<>(DocumentReplicaTest.topic(), 0, next.toString(),
                    DocumentReplicaTest.event(UUID.randomUUID().toString(), next, "Nästa dokument", "ADOPTED",
                            "2023-09-01T10:00:00Z"))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> replicas.find(next).isPresent());
        assertTrue(replicas.find(doc).isEmpty(), "no poisoned record reached the replica");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters() >= before + poison.size());
        // this test's records, in the order read (other tests' records on the topic may be dead-lettered meanwhile)
        List<List<String>> kept = deadLettersOf(doc);
        assertEquals(poison.size(), kept.size(), "every poisoned record kept once: " + kept);
        assertEquals(unapplicable, kept.get(kept.size() - 1).get(0));
        assertTrue(kept.get(kept.size() - 1).get(1).startsWith("not applied: "), kept.toString());
        // the operators' summary finds the dead letters under the topic's name on the broker (prefixed in tests)
        given().auth().oauth2(TestTokens.token("admin")).when().get("/api/v1/plans/consumers").then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("consumerGroup", equalTo("action-plan-service-test"))
                .body("topics[0].topic", equalTo(DocumentReplicaTest.topic()))
                .body("topics[0].deadLetters.count", greaterThanOrEqualTo((int) before + poison.size()))
                .body("topics[0].deadLetters.latest.eventId", notNullValue())
                .body("topics[0].sinceStart.deadLettered", greaterThanOrEqualTo(poison.size()));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theConsumersEndpointIsForAdminsOnly() {
        for (String role : List.of("reader", "planner", "integration")) {
            given().auth().oauth2(TestTokens.tokenFor("someone", "HR-avdelningen", role)).when().get("/api/v1/plans/consumers")
                    .then().statusCode(403);
        }
        given().when().get("/api/v1/plans/consumers").then().statusCode(401);
    }

    /** Event id and reason of the dead letters with the record key {@code key}, in the order they were read. */
    private List<List<String>> deadLettersOf(UUID key) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_id, reason from dead_letter where topic = ? and record_key = ? order by kafka_offset")) {
            ps.setString(1, DocumentReplicaTest.topic());
            ps.setBytes(2, key.toString().getBytes(StandardCharsets.UTF_8));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Arrays.asList(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    private static long deadLetters() {
        Number n = given().auth().oauth2(TestTokens.token("admin")).when().get("/api/v1/plans/consumers")
                .then().statusCode(200).extract().path("topics[0].deadLetters.count");
        return n.longValue();
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
