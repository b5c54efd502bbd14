package se.region.governance.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.region.governance.commons.testing.LocalInfra;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.commons.testing.TopicReader;
import se.region.governance.e2e.ServiceSet.Instance;
import se.region.governance.e2e.ServiceSet.Layout;
import se.region.governance.e2e.ServiceSet.Service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances of each service, as {@code deploy/local/run --instances 2} runs them: separate JVMs,
 * the instances of a service on one database and in one consumer group, coordinating only through
 * PostgreSQL and Kafka (docs/adr/0008-several-instances.md). The set starts once for the class, on
 * emptied {@code *_e2e} databases and fresh topics ({@code e2e.multi.*}, {@value Broker#PARTITIONS}
 * partitions each) read by consumer groups of this run's own. The tests call the instances directly, not
 * through the gateway: which instance answers is the point.
 * <p>
 * Measured on the development machine (2 cores shared with other builds, load average 10-36, four runs):
 * after {@code kill -9} of the instance whose relay publishes, the other instance's relay held the
 * publishing lock 0.1-1.0 s later (95, 99, 422, 951 ms: PostgreSQL ends the killed session as soon as the
 * kernel closes its socket; the other relay tries the lock at its next poll, every
 * {@code governance.outbox.poll-interval} = 0.5 s), and events committed meanwhile reached the topic at
 * most 0.3-1.0 s after their commit (4.3 s once, at load average 18). A change through one docs instance
 * was served by the other 0.07-0.5 s after the change's answer (3.2 s once; polled every 10 ms over HTTP).
 * The test asserts the take-over within {@link #TAKE_OVER_BOUND}, far above that, so only a relay that
 * does not take over fails it; the figures are printed to the test's output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesTest {

    /** How long the surviving relay may take to hold the publishing lock after a kill -9 of the publisher (measured: 0.1-1.0 s). */
    static final Duration TAKE_OVER_BOUND = Duration.ofSeconds(30);
    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Layout LAYOUT = new Layout(2, ServiceSet.TOPIC_PREFIX + "multi.", "-e2e-multi-" + RUN, false, false,
            // the reminder job every second in both instances, so that both race for the same reminders
            Map.of(Service.PLANS, List.of("-Dactionplan.reminders.every=1s")));
    private static final String DOCUMENTS_TOPIC = LAYOUT.topicPrefix() + "governance.documents";
    private static final String PLANS_TOPIC = LAYOUT.topicPrefix() + "actionplan.plans";
    private static final String REGISTRAR = TestTokens.tokenFor("anna.registrator", "Kansliet", "registrar");
    private static final String PLANNER = TestTokens.tokenFor("per.planerare", "HR-avdelningen", "planner");
    private static final String REPORTER = TestTokens.tokenFor("stina.strateg", "HR-avdelningen", "reporter");
    private static final String READER = TestTokens.tokenFor("r", "X", "reader");
    private static final String ADMIN = TestTokens.tokenFor("root", "IT", "admin");

    /** Flyway's log line after migrating. */
    private static final Pattern APPLIED = Pattern.compile("Successfully applied (\\d+) migrations? to schema");
    private static ServiceSet set;
    /** Per service: the instances seen retrying Flyway's lock while the test held it. */
    private static final Map<Service, Set<String>> triedFlywayLock = new EnumMap<>(Service.class);
    /** Per service: whether Flyway's history table was there while the test held Flyway's lock. */
    private static final Map<Service, Boolean> migratedWhileHeld = new EnumMap<>(Service.class);
    /** Longest the test holds a database's Flyway lock after the first instance tried it. */
    private static final Duration FLYWAY_HOLD = Duration.ofSeconds(30);

    /**
     * Empties the databases, then starts both instances of every service at the same moment while
     * holding Flyway's lock on each database, so that both instances of a service are at the lock
     * together when it is released. A database's lock is released once both its instances were seen
     * retrying it, or {@link #FLYWAY_HOLD} after the first was (Flyway gives up after 50 tries, one a
     * second), so a slow start fails the migrations' test, not the start.
     */
    @BeforeAll
    static void startTwoOfEachTogetherOnEmptyDatabases() throws Exception {
        try (Broker broker = new Broker()) {
            broker.recreateTopics(LAYOUT.topics());
        }
        Map<Service, Connection> held = new EnumMap<>(Service.class);
        try {
            for (Service s : Service.values()) {
                Database db = new Database(s);
                db.empty();
                held.put(s, db.holdFlywayLock());
                triedFlywayLock.put(s, new TreeSet<>());
            }
            set = ServiceSet.launch(LAYOUT);
            Map<Service, Long> firstSeen = new EnumMap<>(Service.class);
            await().atMost(Duration.ofSeconds(240)).pollInSameThread().pollInterval(Duration.ofMillis(200)).until(() -> {
                for (Service s : Service.values()) {
                    if (!held.containsKey(s)) {
                        continue;
                    }
                    Database db = new Database(s);
                    triedFlywayLock.get(s).addAll(db.tryingFlywayLock());
                    if (!triedFlywayLock.get(s).isEmpty()) {
                        firstSeen.putIfAbsent(s, System.nanoTime());
                    }
                    if (triedFlywayLock.get(s).size() == 2
                            || firstSeen.containsKey(s) && System.nanoTime() - firstSeen.get(s) > FLYWAY_HOLD.toNanos()) {
                        migratedWhileHeld.put(s, db.hasTable("flyway_schema_history"));
                        held.remove(s).close();
                    }
                }
                return held.isEmpty();
            });
        } finally {
            for (Connection c : held.values()) {
                c.close();
            }
        }
        set.awaitReady();
    }

    @AfterAll
    static void stopIt() {
        if (set != null) {
            set.close();
        }
        try (Broker broker = new Broker()) {
            broker.deleteGroups(List.of(LAYOUT.group(Service.PLANS), LAYOUT.group(Service.REPORTS)));
        }
    }

    /**
     * Two instances of a service started at the same moment on an empty database both become ready, and
     * the migrations ran once: Flyway's PostgreSQL lock let one migrate while the other waited, then found
     * nothing left to do.
     */
    @Test
    @Order(1)
    void instancesStartedTogetherOnAnEmptyDatabaseMigrateItOnce() throws Exception {
        for (Service s : Service.values()) {
            Set<String> instances = names(s);
            assertEquals(instances, triedFlywayLock.get(s),
                    "both instances of " + s.module + " waited at Flyway's lock (lock " + Database.FLYWAY_LOCK + ")");
            assertFalse(migratedWhileHeld.get(s), s.module + ": nothing was migrated while the test held Flyway's lock");
            Map<String, List<Boolean>> history = new Database(s).flywayHistory();
            assertEquals(migrationVersions(s), history.keySet(), s.module + ": every migration is in Flyway's history");
            history.forEach((version, runs) -> assertEquals(List.of(true), runs,
                    s.module + ": migration " + version + " ran once and succeeded"));
            // each migration is applied under the lock: the two may take turns, but together apply each once
            Map<String, Integer> applied = new LinkedHashMap<>();
            for (String name : instances) {
                Matcher m = APPLIED.matcher(Files.readString(set.log(name)));
                applied.put(name, m.find() ? Integer.parseInt(m.group(1)) : 0);
            }
            assertEquals(history.size(), applied.values().stream().mapToInt(Integer::intValue).sum(),
                    s.module + ": migrations applied per instance (Flyway's log line) " + applied);
        }
    }

    /**
     * The consumers of one service share the topics' partitions as one group (each instance's consumer
     * is assigned some, none twice), both instances apply events, and the read model is what one
     * instance builds: every document in its last state, in both the plans' copy of the register and a
     * report.
     */
    @Test
    @Order(2)
    void theInstancesOfAServiceShareThePartitionsAsOneConsumerGroup() throws Exception {
        List<Instance> docs = set.instancesOf(Service.DOCS);
        List<Instance> plans = set.instancesOf(Service.PLANS);
        List<Instance> reports = set.instancesOf(Service.REPORTS);
        try (Broker broker = new Broker()) {
            for (String topic : List.of(DOCUMENTS_TOPIC, PLANS_TOPIC)) {
                assertEquals(Broker.PARTITIONS, broker.partitions(topic), topic);
            }
            await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertShared(broker.assignments(LAYOUT.group(Service.PLANS)), Map.of(DOCUMENTS_TOPIC, names(Service.PLANS)));
                assertShared(broker.assignments(LAYOUT.group(Service.REPORTS)), Map.of(
                        DOCUMENTS_TOPIC, names(Service.REPORTS).stream().map(n -> n + "-documents").collect(Collectors.toSet()),
                        PLANS_TOPIC, names(Service.REPORTS).stream().map(n -> n + "-plans").collect(Collectors.toSet())));
            });
        }
        // the plans service names the topic as read on the broker, the reporting service by its contract name
        Map<Instance, Long> plansBefore = received(plans, "/api/v1/plans/consumers", DOCUMENTS_TOPIC);
        Map<Instance, Long> reportsBefore = received(reports, "/api/v1/reports/consumers", "governance.documents");

        // 24 documents (keys spread over the partitions), written through both instances: created, retitled, adopted
        String today = today().toString();
        Map<String, String> titles = new LinkedHashMap<>();
        for (int k = 0; k < 24; k++) {
            Instance one = docs.get(k % 2);
            Instance other = docs.get((k + 1) % 2);
            Response created = registrar(one).body(Map.of("diaryNumber", "MI/" + RUN + "/" + k, "title", "Utkast " + k,
                    "type", "GUIDELINE", "ownerUnit", "HR-avdelningen")).post("/api/v1/documents");
            created.then().statusCode(201);
            String id = created.path("id");
            String title = "Riktlinje " + k + " " + RUN;
            registrar(other).header("If-Match", created.header("ETag")).body(Map.of("title", title))
                    .patch("/api/v1/documents/{id}", id).then().statusCode(200);
            registrar(one).body(Map.of("decision", Map.of("body", "REGIONSTYRELSEN", "date", today, "paragraph", "§ " + k)))
                    .post("/api/v1/documents/{id}/adoptions", id).then().statusCode(201);
            titles.put(id, title);
        }
        int events = titles.size() * 3;

        // a measure linking all of them: accepted once the plans service has heard of every one
        String planId = planner(plans.get(0)).body(Map.of("title", "Flera instanser " + RUN, "ownerUnit", "HR-avdelningen",
                        "decision", Map.of("body", "REGIONSTYRELSEN", "date", today)))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        String measureId = eventually(() -> planner(plans.get(1)).body(Map.of("code", "1", "title", "Alla riktlinjer",
                "responsibleUnit", "HR-avdelningen", "documentIds", List.copyOf(titles.keySet())))
                .post("/api/v1/plans/{id}/measures", planId), 201).path("id");
        for (Instance plan : plans) {
            await().atMost(EVENTUAL).untilAsserted(() -> {
                JsonNode measure = as(plan, READER).get("/api/v1/plans/{id}/measures/{mid}", planId, measureId)
                        .then().statusCode(200).extract().as(JsonNode.class);
                Map<String, String> seen = new LinkedHashMap<>();
                measure.path("documents").forEach(d -> seen.put(d.path("id").asText(),
                        d.path("title").asText() + "/" + d.path("status").asText()));
                assertEquals(titles.keySet().stream().collect(Collectors.toMap(id -> id, id -> titles.get(id) + "/ADOPTED")),
                        seen, "the documents in their last state, read through " + plan);
            });
        }

        // a report compiled through one reporting instance, recompiled through the other until every document is in it
        Map<String, Object> compile = Map.of("planId", planId, "periodFrom", today, "periodTo", today,
                "title", "Uppföljning " + RUN);
        String reportId = eventually(() -> reporter(reports.get(0)).body(compile).post("/api/v1/reports"), 201).path("id");
        eventually(() -> {
            Response r = reporter(reports.get(1)).post("/api/v1/reports/{id}/recompile", reportId);
            boolean complete = titles.values().stream().allMatch(t -> r.asString().contains(t));
            return r.statusCode() == 200 && !complete ? null : r;
        }, 200);
        String json = reporter(reports.get(0)).accept("application/json").get("/api/v1/reports/{id}", reportId)
                .then().statusCode(200).extract().asString();
        titles.values().forEach(t -> assertTrue(json.contains(t), t + " in the report"));

        // both instances of each consumer group took part
        Map<Instance, Long> plansAfter = received(plans, "/api/v1/plans/consumers", DOCUMENTS_TOPIC);
        Map<Instance, Long> reportsAfter = received(reports, "/api/v1/reports/consumers", "governance.documents");
        assertBothTookPart(plansBefore, plansAfter, events);
        assertBothTookPart(reportsBefore, reportsAfter, events);
    }

    /**
     * A document changed through one instance is served changed by the other, which kept its JSON from
     * an earlier read: PostgreSQL's {@code document_changed} notification reaches the other JVM and drops
     * what it kept (KeptDocumentJson).
     */
    @Test
    @Order(3)
    void aDocumentChangedThroughOneInstanceIsServedChangedByTheOther() {
        List<Instance> docs = set.instancesOf(Service.DOCS);
        Response created = registrar(docs.get(0)).body(Map.of("diaryNumber", "MI/" + RUN + "/kept", "title", "Version 0",
                "type", "POLICY")).post("/api/v1/documents");
        created.then().statusCode(201);
        String id = created.path("id");
        String etag = created.header("ETag");
        String title = "Version 0";
        List<Long> millis = new ArrayList<>();
        for (int round = 1; round <= 6; round++) {
            Instance writer = docs.get(round % 2);
            Instance reader = docs.get((round + 1) % 2);
            // the reader keeps the document as it is now
            for (int i = 0; i < 2; i++) {
                as(reader, READER).get("/api/v1/documents/{id}", id).then().statusCode(200)
                        .header("ETag", equalTo(etag)).body("title", equalTo(title));
            }
            title = "Version " + round;
            Response changed = registrar(writer).header("If-Match", etag).body(Map.of("title", title))
                    .patch("/api/v1/documents/{id}", id);
            changed.then().statusCode(200);
            etag = changed.header("ETag");
            long start = System.nanoTime();
            String expectedTitle = title;
            String expectedTag = etag;
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).untilAsserted(() ->
                    as(reader, READER).get("/api/v1/documents/{id}", id).then().statusCode(200)
                            .header("ETag", equalTo(expectedTag)).body("title", equalTo(expectedTitle)));
            millis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        System.out.println("[several instances] a change through one docs instance served by the other after (ms): " + millis);
    }

    /**
     * One relay publishes at a time (the one whose session holds the publishing lock): events written
     * through both instances reach the topic from one producer, in write order per document. When the
     * publishing instance is killed (SIGKILL), the other's relay takes the lock and publishes, within
     * {@link #TAKE_OVER_BOUND} (measured: 0.1-1.0 s; the class's javadoc), the events written meanwhile
     * included, each document's still in order (an event the killed relay sent but did not stamp may
     * come twice: delivery is at least once). Started again, the killed instance does not take the
     * publishing back while the other runs.
     */
    @Test
    @Order(4)
    void oneRelayPublishesAtATimeAndTheOtherTakesOverWhenItIsKilled() throws Exception {
        Database db = new Database(Service.DOCS);
        String holder = await().atMost(EVENTUAL).until(() -> db.holderOf(Database.PUBLISHING_LOCK), Optional::isPresent)
                .orElseThrow();
        Instance publishing = set.instance(holder);
        Instance survivor = set.instancesOf(Service.DOCS).stream().filter(i -> i != publishing).findFirst().orElseThrow();

        // six documents, each changed four times, alternately through both instances
        Map<String, String> etags = new LinkedHashMap<>();
        List<Write> writes = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Response created = registrar(k % 2 == 0 ? publishing : survivor).body(Map.of("diaryNumber", "MI/" + RUN + "/r" + k,
                    "title", "Relä " + k, "type", "RULE")).post("/api/v1/documents");
            created.then().statusCode(201);
            etags.put(created.path("id"), created.header("ETag"));
            writes.add(new Write(created.path("id"), created.path("version"), System.currentTimeMillis()));
        }
        List<String> ids = List.copyOf(etags.keySet());
        for (int round = 0; round < 4; round++) {
            for (int k = 0; k < ids.size(); k++) {
                writes.add(retitle(round % 2 == k % 2 ? publishing : survivor, ids.get(k), etags, "Relä " + k + " v" + round));
            }
        }
        try (TopicReader reader = new TopicReader(DOCUMENTS_TOPIC); Broker broker = new Broker()) {
            assertPublishedInOrder(reader, writes);
            assertEquals(1, broker.producerIds(DOCUMENTS_TOPIC).size(),
                    "one producer published every event since the set started: the relay of " + holder);
        }
        assertEquals(Optional.of(holder), db.holderOf(Database.PUBLISHING_LOCK));

        // the publishing instance is killed while changes go on through the other
        ExecutorService writer = Executors.newSingleThreadExecutor();
        CountDownLatch someWritten = new CountDownLatch(10);
        Future<List<Write>> whileKilled = writer.submit(() -> {
            List<Write> done = new ArrayList<>();
            for (int i = 0; i < 36; i++) {
                done.add(retitle(survivor, ids.get(i % ids.size()), etags, "Efter " + i));
                someWritten.countDown();
            }
            return done;
        });
        long killedAt;
        long tookOverAt;
        List<Write> afterKill;
        try {
            assertTrue(someWritten.await(60, TimeUnit.SECONDS), "the writer runs");
            set.kill(publishing.name);
            killedAt = System.currentTimeMillis();
            await().atMost(TAKE_OVER_BOUND).pollInterval(Duration.ofMillis(20))
                    .until(() -> db.holderOf(Database.PUBLISHING_LOCK), h -> h.equals(Optional.of(survivor.name)));
            tookOverAt = System.currentTimeMillis();
            afterKill = whileKilled.get(120, TimeUnit.SECONDS);
        } finally {
            writer.shutdownNow();
        }
        writes.addAll(afterKill);
        try (TopicReader reader = new TopicReader(DOCUMENTS_TOPIC); Broker broker = new Broker()) {
            Map<Write, Long> publishedAt = assertPublishedInOrder(reader, writes);
            assertEquals(2, broker.producerIds(DOCUMENTS_TOPIC).size(), "the survivor's relay published after the kill");
            long worst = afterKill.stream().filter(w -> w.answeredAt() >= killedAt)
                    .mapToLong(w -> publishedAt.get(w) - w.answeredAt()).max().orElse(-1);
            System.out.printf("[several instances] relay take-over after kill -9 of %s: publishing lock held by %s after %d ms;"
                    + " events committed after the kill on the topic at most %d ms after their commit%n",
                    publishing.name, survivor.name, tookOverAt - killedAt, worst);
        }

        // back again, the killed instance leaves the publishing to the survivor
        set.restart(publishing.name);
        List<Write> afterRestart = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            afterRestart.add(retitle(publishing, ids.get(k), etags, "Tillbaka " + k));
        }
        writes.addAll(afterRestart);
        try (TopicReader reader = new TopicReader(DOCUMENTS_TOPIC); Broker broker = new Broker()) {
            assertPublishedInOrder(reader, writes);
            assertEquals(Optional.of(survivor.name), db.holderOf(Database.PUBLISHING_LOCK));
            assertEquals(2, broker.producerIds(DOCUMENTS_TOPIC).size(), "the restarted instance's relay did not publish");
        }
    }

    /**
     * The reminder job runs in both instances (every second here); a reminder goes out once, whichever
     * instance gets to it: the ledger's unique key (measure, kind, period) lets one transaction record it
     * and the other find it recorded. The test holds the ledger (a SHARE lock on it) until both instances'
     * jobs wait for it at the same plan, then lets them race.
     */
    @Test
    @Order(5)
    void aReminderGoesOutOnceWhicheverInstanceGetsToIt() throws Exception {
        List<Instance> plans = set.instancesOf(Service.PLANS);
        Database db = new Database(Service.PLANS);
        LocalDate today = today();
        // plans without measures: nothing to remind of yet
        List<String> planIds = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            planIds.add(planner(plans.get(p % 2)).body(Map.of("title", "Påminnelser " + p + " " + RUN, "ownerUnit", "HR-avdelningen",
                    "decision", Map.of("body", "REGIONSTYRELSEN", "date", today.toString())))
                    .post("/api/v1/plans").then().statusCode(201).extract().path("id"));
        }
        try (Connection ledger = db.connect()) {
            ledger.setAutoCommit(false);
            try (Statement s = ledger.createStatement()) {
                s.execute("lock table sent_reminder in share mode");
            }
            // one measure due in ten days per plan (within the 30 days of due-soon): the first measure of its
            // plan, so no job holds that plan's lock yet
            for (int p = 0; p < planIds.size(); p++) {
                planner(plans.get(p % 2)).body(Map.of("code", "1", "title", "Snart klar " + p, "responsibleUnit", "HR-avdelningen",
                                "startDate", today.toString(), "dueDate", today.plusDays(10).toString()))
                        .post("/api/v1/plans/{id}/measures", planIds.get(p)).then().statusCode(201);
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(db::waitingForALock, waiting -> waiting.equals(names(Service.PLANS)));
            ledger.rollback();
        }
        await().atMost(EVENTUAL).until(() -> dueSoon(plans, planIds), counts -> counts.stream().allMatch(n -> n >= 1));
        // and stays one while both jobs run on, every second
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .until(() -> dueSoon(plans, planIds), counts -> counts.stream().allMatch(n -> n == 1));
        try (TopicReader reader = new TopicReader(PLANS_TOPIC)) {
            List<TopicReader.Event> events = reader.await(e -> planIds.contains(e.key())
                    && "actionplan.measure.due-soon".equals(e.type()), planIds.size(), EVENTUAL);
            assertEquals(planIds.size(), events.stream().map(TopicReader.Event::id).distinct().count(),
                    "one due-soon event per measure on " + PLANS_TOPIC);
        }
    }

    // ---- helpers

    /** A change through the API and what it answered: the document's id and new version, when the answer came. */
    private record Write(String id, int version, long answeredAt) {
    }

    private static Write retitle(Instance through, String id, Map<String, String> etags, String title) {
        Response r = registrar(through).header("If-Match", etags.get(id)).body(Map.of("title", title))
                .patch("/api/v1/documents/{id}", id);
        r.then().statusCode(200);
        etags.put(id, r.header("ETag"));
        return new Write(id, r.path("version"), System.currentTimeMillis());
    }

    /**
     * Waits until every write's event is on the topic and checks each document's order: its events, the
     * first time each event id appears, carry its versions in the order they were written. Returns when
     * each write's event was first published (the record's timestamp).
     */
    private static Map<Write, Long> assertPublishedInOrder(TopicReader reader, List<Write> writes) {
        Set<String> ids = writes.stream().map(Write::id).collect(Collectors.toSet());
        Map<String, List<Integer>> written = new LinkedHashMap<>();
        writes.forEach(w -> written.computeIfAbsent(w.id(), k -> new ArrayList<>()).add(w.version()));
        Map<String, List<Integer>> published = new LinkedHashMap<>();
        Map<String, Long> firstPublished = new LinkedHashMap<>();
        // in this thread: the reader's consumer is not for several threads
        await().atMost(TAKE_OVER_BOUND.plus(EVENTUAL)).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
            reader.await(e -> false, 1, Duration.ofMillis(300)); // reads what has come
            published.clear();
            firstPublished.clear();
            Set<String> eventIds = new HashSet<>();
            for (TopicReader.Event e : reader.seen()) {
                if (ids.contains(e.key()) && eventIds.add(e.id())) {
                    int version = e.data().path("document").path("version").asInt();
                    published.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(version);
                    firstPublished.put(e.key() + "/" + version, e.record().timestamp());
                }
            }
            return written.entrySet().stream().allMatch(w -> published.getOrDefault(w.getKey(), List.of()).size() >= w.getValue().size());
        });
        assertEquals(written, published, "each document's events, first appearances, in write order");
        Map<Write, Long> at = new LinkedHashMap<>();
        writes.forEach(w -> at.put(w, firstPublished.get(w.id() + "/" + w.version())));
        return at;
    }

    private static void assertShared(Map<String, Set<TopicPartition>> members, Map<String, Set<String>> expected) {
        Set<String> all = expected.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertEquals(all, members.keySet(), "the group's members");
        for (Map.Entry<String, Set<String>> topic : expected.entrySet()) {
            Set<TopicPartition> seen = new HashSet<>();
            for (String member : topic.getValue()) {
                Set<TopicPartition> assigned = members.get(member).stream().filter(tp -> tp.topic().equals(topic.getKey()))
                        .collect(Collectors.toSet());
                assertFalse(assigned.isEmpty(), member + " is assigned partitions of " + topic.getKey() + ": " + members);
                assigned.forEach(tp -> assertTrue(seen.add(tp), tp + " assigned once: " + members));
            }
            assertEquals(IntStream.range(0, Broker.PARTITIONS).mapToObj(p -> new TopicPartition(topic.getKey(), p))
                    .collect(Collectors.toSet()), seen, "every partition of " + topic.getKey() + " is assigned");
        }
    }

    /** Per instance, how many records of the topic its consumer received since it started (the operators' endpoint). */
    private static Map<Instance, Long> received(List<Instance> instances, String path, String topic) {
        Map<Instance, Long> received = new LinkedHashMap<>();
        for (Instance i : instances) {
            JsonNode status = as(i, ADMIN).get(path).then().statusCode(200).extract().as(JsonNode.class);
            long n = -1;
            for (JsonNode t : status.path("topics")) {
                if (topic.equals(t.path("topic").asText())) {
                    n = t.path("sinceStart").path("received").asLong();
                }
            }
            assertTrue(n >= 0, "counters of " + topic + " in " + status);
            received.put(i, n);
        }
        return received;
    }

    private static void assertBothTookPart(Map<Instance, Long> before, Map<Instance, Long> after, int events) {
        long total = 0;
        for (Instance i : before.keySet()) {
            long n = after.get(i) - before.get(i);
            assertTrue(n > 0, i + " received some of the " + events + " events: " + before + " -> " + after);
            total += n;
        }
        assertTrue(total >= events, "every event was received by one of them (at least once): " + before + " -> " + after);
    }

    /** Per plan, the due-soon reminders in its change feed (read through each instance in turn). */
    private static List<Integer> dueSoon(List<Instance> plans, List<String> planIds) {
        List<Integer> counts = new ArrayList<>();
        for (int p = 0; p < planIds.size(); p++) {
            JsonNode feed = as(plans.get(p % 2), READER).queryParam("limit", 1000)
                    .get("/api/v1/plans/{id}/changes", planIds.get(p)).then().statusCode(200).extract().as(JsonNode.class);
            int n = 0;
            for (JsonNode item : feed.path("items")) {
                if ("actionplan.measure.due-soon".equals(item.path("type").asText())) {
                    n++;
                }
            }
            counts.add(n);
        }
        return counts;
    }

    private static Set<String> names(Service service) {
        return set.instancesOf(service).stream().map(i -> i.name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The versions of the service's migrations (its own and commons'), as Flyway records them. */
    private static Set<String> migrationVersions(Service service) throws Exception {
        Path root = LocalInfra.root();
        try (Stream<Path> own = Files.list(root.resolve(service.module).resolve("src/main/resources/db/migration"));
             Stream<Path> commons = Files.list(root.resolve("commons/src/main/resources/db/commons"))) {
            return Stream.concat(own, commons).map(p -> p.getFileName().toString()).filter(f -> f.matches("V[0-9_]+__.*\\.sql"))
                    .map(f -> f.substring(1, f.indexOf("__")).replace('_', '.')).collect(Collectors.toSet());
        }
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Stockholm"));
    }

    private static RequestSpecification as(Instance instance, String token) {
        return given().baseUri(instance.url()).auth().oauth2(token).contentType("application/json");
    }

    private static RequestSpecification registrar(Instance instance) {
        return as(instance, REGISTRAR);
    }

    private static RequestSpecification planner(Instance instance) {
        return as(instance, PLANNER);
    }

    private static RequestSpecification reporter(Instance instance) {
        return as(instance, REPORTER);
    }

    /** Repeats the request until it answers {@code status}; a null answer means "not yet". */
    private static Response eventually(Supplier<Response> request, int status) {
        return await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(() -> {
            Response r = request.get();
            if (r != null) {
                assertFalse(r.statusCode() >= 500, "no server error: " + r.asString());
            }
            return r;
        }, r -> r != null && r.statusCode() == status);
    }
}
