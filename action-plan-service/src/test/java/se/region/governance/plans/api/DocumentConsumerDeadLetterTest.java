package se.region.governance.plans.api;

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

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;
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
                producer.send(new ProducerRecord<>(DocumentReplicaTest.TOPIC, 0, doc.toString(), value)).get();
            }
            producer.send(new ProducerRecord<>(DocumentReplicaTest.TOPIC, 0, next.toString(),
                    DocumentReplicaTest.event(UUID.randomUUID().toString(), next, "Nästa dokument", "ADOPTED",
                            "2023-09-01T10:00:00Z"))).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> replicas.find(next).isPresent());
        assertTrue(replicas.find(doc).isEmpty(), "no poisoned record reached the replica");
        await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters() >= before + poison.size());
        given().auth().oauth2(TestTokens.token("admin")).when().get("/api/v1/plans/consumers").then()
                .statusCode(200).contentType(ContentType.JSON)
                .body("topics[0].topic", equalTo(DocumentReplicaTest.TOPIC))
                .body("topics[0].deadLetters.count", greaterThanOrEqualTo((int) before + poison.size()))
                .body("topics[0].deadLetters.latest.eventId", equalTo(unapplicable))
                .body("topics[0].deadLetters.latest.reason", startsWith("not applied: "))
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
