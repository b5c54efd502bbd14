package se.region.governance.reports.infrastructure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ChannelRegistry;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.commons.testing.TestTopics;
import se.region.governance.reports.application.ConsumerCounters;
import se.region.governance.reports.domain.LoggedEvent;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consumers against the real broker: everything applied once, redeliveries change nothing, poison is set aside. */
@QuarkusTest
class EventConsumersTest {

    static final Duration DEADLINE = Duration.ofSeconds(45);

    @Inject
    EventLog log;
    @Inject
    ConsumerCounters counters;
    @Inject
    ChannelRegistry channels;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEventIsAppliedOnceAndRedeliveriesChangeNothing() {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.all();
        Broker.publish(events);
        Broker.await("all § 183 events applied", DEADLINE, () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        Map<String, Object> before = log.entry(events.get(5).id());
        int planEvents = planEventCount(plan);

        long duplicates = counters.of("actionplan.plans").get("duplicates") + counters.of("governance.documents").get("duplicates");
        Broker.publish(List.of(events.get(0), events.get(5), events.get(events.size() - 1), events.get(events.size() - 1)));
        Broker.await("the 4 redeliveries recognised", DEADLINE, () -> counters.of("actionplan.plans").get("duplicates")
                + counters.of("governance.documents").get("duplicates") >= duplicates + 4);

        assertEquals(before, log.entry(events.get(5).id()), "a redelivery leaves the log entry as it was");
        assertEquals(planEvents, planEventCount(plan));
    }

    @ParameterizedTest
    @ValueSource(strings = {"governance.documents", "actionplan.plans"})
    void aPoisonedRecordGoesToTheDeadLettersAndTheNextRecordIsApplied(String topic) {
        Section183 plan = new Section183();
        List<Section183.Event> good = topic.equals("actionplan.plans") ? plan.planEvents() : plan.documentEvents();
        Section183.Event template = good.get(0);
        long counted = counters.of(topic).get("deadLettered");

        List<ObjectNode> poisoned = new ArrayList<>();
        poisoned.add(poison(template, e -> e.remove("id")));
        poisoned.add(poison(template, e -> e.put("source", "/x")));
        poisoned.add(poison(template, e -> e.put("type", template.type() + "\u0000")));
        poisoned.add(poison(template, e -> ((ObjectNode) e.get("data")).put("note", "NUL \u0000 and \uFFFF")));
        // a time PostgreSQL cannot store: read fine, refused by the database on every retry
        poisoned.add(poison(template, e -> e.put("time", "+999999-01-01T00:00:00Z")));
        Broker.send(topic, template.key(), "this is not JSON");
        Broker.send(topic, template.key(), null);
        poisoned.forEach(p -> Broker.send(topic, template.key(), p.toString()));
        Broker.publish(good);

        Broker.await("the good events after the poisoned records applied", DEADLINE,
                () -> good.stream().allMatch(e -> log.entry(e.id()) != null));
        // this test's records (other tests' records on the topic may be dead-lettered meanwhile), in the order read
        Broker.await("7 dead letters", DEADLINE, () -> deadLettersOf(topic, template.key()).size() >= 7);
        List<List<String>> kept = deadLettersOf(topic, template.key());
        assertEquals(7, kept.size(), "each poisoned record kept once: " + kept);
        assertTrue(counters.of(topic).get("deadLettered") >= counted + 7);
        assertEquals(poisoned.get(4).get("id").asText(), kept.get(6).get(0));
        assertTrue(kept.get(6).get(1).startsWith("not applied: "), kept.get(6).get(1));
        // the operators' summary finds them under the topic's name on the broker (prefixed in tests)
        given().auth().oauth2(TestTokens.token(Roles.ADMIN)).get("/api/v1/reports/consumers").then().statusCode(200)
                .body("topics.find { it.topic == '" + topic + "' }.deadLetters.count", greaterThanOrEqualTo(7))
                .body("topics.find { it.topic == '" + topic + "' }.broker", notNullValue());
        poisoned.stream().filter(p -> p.hasNonNull("id"))
                .forEach(p -> assertNull(log.entry(p.get("id").asText()), "not applied: " + p));
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Event id and reason of the dead letters of {@code topic} (the contract's name) with the record key {@code key}, by offset. */
    private List<List<String>> deadLettersOf(String topic, String key) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select event_id, reason from dead_letter where topic = ? and record_key = ? order by kafka_partition, kafka_offset")) {
            ps.setString(1, TestTopics.onBroker(topic));
            ps.setBytes(2, key.getBytes(StandardCharsets.UTF_8));
            List<List<String>> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Arrays.asList(rs.getString(1), rs.getString(2)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The template event with a fresh id, changed by {@code change}. */
    private static ObjectNode poison(Section183.Event template, Consumer<ObjectNode> change) {
        try {
            ObjectNode e = (ObjectNode) Section183.JSON.readTree(template.json());
            e.put("id", UUID.randomUUID().toString());
            change.accept(e);
            return e;
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Test
    void eventsPublishedWhileTheConsumerIsStoppedAreAppliedWhenItRestarts() {
        Section183 plan = new Section183();
        Broker.publish(plan.planEvents());
        Broker.await("plan applied", DEADLINE, () -> log.planKnown(plan.planId));

        channels.getPausable("actionplan-plans").pause();
        try {
            assertTrue(channels.getPausable("actionplan-plans").isPaused());
            Section183.Event whileStopped = plan.lateUpdate("2023-06-01", "Publicerad medan konsumenten var stoppad");
            Broker.publish(List.of(whileStopped));
            channels.getPausable("actionplan-plans").resume();
            Broker.await("the update published while stopped is applied", DEADLINE, () -> log.entry(whileStopped.id()) != null);
            assertEquals(LocalDate.parse("2023-06-01"), log.entry(whileStopped.id()).get("effectiveDate"));
        } finally {
            channels.getPausable("actionplan-plans").resume();
        }
    }

    @Test
    void creationsAreMovedBackToTheFirstDatedEventOfTheirAggregate() {
        Section183 plan = new Section183();
        List<Section183.Event> events = plan.documentEvents();
        Broker.publish(events);
        Broker.await("documents applied", DEADLINE, () -> events.stream().allMatch(e -> log.entry(e.id()) != null));
        // the governance model was registered today and adopted by regionfullmäktige 2023-06-21
        assertEquals(LocalDate.parse("2023-06-21"), log.entry(events.get(0).id()).get("effectiveDate"));
        assertEquals(LocalDate.parse("2023-06-21"), log.entry(events.get(1).id()).get("effectiveDate"));
        // the remiss with deadline 2023-11-30 counts from 2023-08-30, and so does the policy's registration
        assertEquals(LocalDate.parse("2023-08-30"), log.entry(events.get(2).id()).get("effectiveDate"));
        // the delegation order's review, registered today, was decided 2022-08-17 (startedOn)
        assertEquals(LocalDate.parse("2022-08-17"), log.entry(events.get(6).id()).get("effectiveDate"));
        // Regionplan 2024, registered today, has been drafted since 2023-05-01
        assertEquals(LocalDate.parse("2023-05-01"), log.entry(events.get(7).id()).get("effectiveDate"));
        // a draft without a start date counts from the day it was registered
        assertEquals(LocalDate.now(java.time.ZoneId.of("Europe/Stockholm")), log.entry(events.get(8).id()).get("effectiveDate"));
    }

    private int planEventCount(Section183 plan) {
        List<LoggedEvent> all = log.eventsUpTo(plan.planId, LocalDate.of(9999, 12, 31));
        return (int) all.stream().filter(e -> "actionplan.plans".equals(e.topic())).count();
    }
}
