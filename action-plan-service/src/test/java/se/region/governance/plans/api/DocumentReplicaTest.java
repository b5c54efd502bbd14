package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.plans.application.DocumentReplicas;
import se.region.governance.plans.application.Views.DocumentRef;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.api.Plans.admin;
import static se.region.governance.plans.api.Plans.createPlan;
import static se.region.governance.plans.api.Plans.reader;

/**
 * The document replica against the real broker: events published as governance-docs-service
 * would, with a plain producer. All to one partition, so the order of arrival is the order sent,
 * and a marker event that arrives after the others proves they were all consumed.
 */
@QuarkusTest
class DocumentReplicaTest {

    /** governance.documents as this test run's consumer reads it on the broker. */
    static String topic() {
        return TestTopics.onBroker(DocumentReplicas.TOPIC);
    }

    @Inject
    DocumentReplicas replicas;

    @Test
    void duplicatesAndOlderEventsChangeNothingMalformedOnesAreSkippedAndLinkingWorks() throws Exception {
        UUID doc = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String e1 = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, doc, event(e1, doc, "Regionstyrelsens delegationsordning", "UNDER_REVIEW", "2023-09-01T10:00:00Z"));
            // a redelivery of e1 (same id) with different content must change nothing
            send(producer, doc, event(e1, doc, "Dubblett", "REPEALED", "2023-12-01T10:00:00Z"));
            // an older state arriving late must not overwrite the newer one
            send(producer, doc, event(UUID.randomUUID().toString(), doc, "Gammal titel", "ADOPTED", "2023-01-01T10:00:00Z"));
            send(producer, doc, "this is not a CloudEvent");
            send(producer, doc, "{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"/x\",\"type\":\"governance.document.updated\","
                    + "\"data\":{\"document\":{\"id\":\"not-a-uuid\"}}}");
            send(producer, marker, event(UUID.randomUUID().toString(), marker, "Markör", "DRAFT", "2023-09-01T10:00:00Z"));
            producer.flush();

            await(marker, Optional::isPresent);
            DocumentRef d = replicas.find(doc).orElseThrow();
            assertEquals("Regionstyrelsens delegationsordning", d.title());
            assertEquals("UNDER_REVIEW", d.status());
            assertEquals("RS/DEL/" + doc.toString().substring(0, 8), d.diaryNumber());

            // a newer state wins
            send(producer, doc, event(UUID.randomUUID().toString(), doc, "Regionstyrelsens delegationsordning 2024",
                    "ADOPTED", "2024-02-01T10:00:00Z"));
            producer.flush();
            await(doc, r -> r.map(x -> x.status().equals("ADOPTED")).orElse(false));
        }

        String plan = createPlan();
        String m = admin().body("{\"code\":\"2\",\"title\":\"Översyn av delegationsordningen\","
                        + "\"responsibleUnit\":\"HR-avdelningen\",\"documentIds\":[\"" + doc + "\"]}")
                .post("/api/v1/plans/{id}/measures", plan).then().statusCode(201)
                .body("documents[0].title", equalTo("Regionstyrelsens delegationsordning 2024"))
                .extract().path("id");
        reader().get("/api/v1/plans/{id}/measures/{mid}", plan, m).then().statusCode(200)
                .body("documentIds[0]", equalTo(doc.toString()))
                .body("documents[0].status", equalTo("ADOPTED"))
                .body("documents[0].diaryNumber", equalTo("RS/DEL/" + doc.toString().substring(0, 8)));
        assertTrue(replicas.find(UUID.randomUUID()).isEmpty());
    }

    private void await(UUID id, Predicate<Optional<DocumentRef>> condition) {
        Awaitility.await("the replica of " + id + " in the expected state").atMost(Duration.ofSeconds(90))
                .until(() -> condition.test(replicas.find(id)));
    }

    static String event(String eventId, UUID doc, String title, String status, String updatedAt) {
        return """
                {"specversion":"1.0","id":"%s","source":"/governance-docs-service","type":"governance.document.updated",
                 "subject":"%s","time":"%s","datacontenttype":"application/json",
                 "data":{"document":{"id":"%s","diaryNumber":"RS/DEL/%s","title":"%s","type":"DELEGATION_ORDER",
                   "status":"%s","updatedAt":"%s"},"changes":[]}}"""
                .formatted(eventId, doc, updatedAt, doc, doc.toString().substring(0, 8), title, status, updatedAt);
    }

    private static void send(KafkaProducer<String, String> producer, UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic(), 0, key.toString(), value)).get();
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
