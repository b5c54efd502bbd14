package se.region.governance.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.commons.testing.TopicReader;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole set, started as separate processes, driven only through the gateway: first as the
 * intranet front end (a document through consultation to adoption, the plan and a measure linked to
 * it with a progress update and a collaboration, a report compiled, finalized and fetched as PDF),
 * then as an integration script reading every CloudEvent of the three topics with a plain consumer.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSetEndToEndTest {

    private static final Duration EVENTUAL = Duration.ofSeconds(60);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static ServiceSet set;

    // what the front-end journey created, for the integration script's checks
    private static String documentId;
    private static String planId;
    private static String measureId;
    private static String reportId;

    @BeforeAll
    static void startTheWholeSet() throws Exception {
        set = ServiceSet.start();
        RestAssured.baseURI = set.gateway();
        RestAssured.port = -1;
    }

    @AfterAll
    static void stopIt() {
        if (set != null) {
            set.close();
        }
        RestAssured.reset();
    }

    private static RequestSpecification as(String sub, String unit, String role) {
        return given().auth().oauth2(TestTokens.tokenFor(sub, unit, role)).contentType("application/json");
    }

    private static RequestSpecification registrar() {
        return as("anna.registrator", "Kansliet", "registrar");
    }

    private static RequestSpecification planner() {
        return as("per.planerare", "HR-avdelningen", "planner");
    }

    private static RequestSpecification reporter() {
        return as("stina.strateg", "HR-avdelningen", "reporter");
    }

    @Test
    @Order(1)
    void theGatewayIsTheOneEntryPoint() {
        given().get("/api/v1/documents").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        JsonNode openapi = given().get("/openapi").then().statusCode(200).extract().as(JsonNode.class);
        for (String path : List.of("/api/v1/documents", "/api/v1/plans", "/api/v1/reports")) {
            assertTrue(openapi.path("paths").has(path), "merged OpenAPI has " + path);
        }
    }

    @Test
    @Order(2)
    void theFrontEndJourney() {
        // A governing document through consultation to adoption
        Response created = registrar().body(Map.of("diaryNumber", "E2E/" + RUN + "/2023",
                        "title", "Personalpolitisk policy " + RUN, "type", "POLICY", "political", true,
                        "ownerUnit", "HR-avdelningen",
                        "principles", List.of(Map.of("principle", "TRUST", "passage", "tillit till medarbetarna"))))
                .post("/api/v1/documents");
        created.then().statusCode(201).header("ETag", org.hamcrest.Matchers.notNullValue());
        documentId = created.path("id");
        assertEquals(set.gateway() + "/api/v1/documents/" + documentId, created.header("Location"),
                "Location points at the gateway");
        String consultation = registrar().body(Map.of("recipients", List.of("Hälso- och sjukvårdsnämnden", "Vision"),
                        "deadline", "2023-05-30"))
                .post("/api/v1/documents/{id}/consultations", documentId).then().statusCode(201).extract().path("id");
        registrar().body(Map.of("respondent", "Vision", "receivedOn", "2023-05-20", "position", "SUPPORTS",
                        "summary", "Vision tillstyrker"))
                .post("/api/v1/documents/{id}/consultations/{cid}/responses", documentId, consultation)
                .then().statusCode(201);
        registrar().body(Map.of("decision", Map.of("body", "REGIONFULLMAKTIGE", "date", "2023-06-21", "paragraph", "§ 72"),
                        "fileUrl", "https://example.org/policy.pdf"))
                .post("/api/v1/documents/{id}/adoptions", documentId).then().statusCode(201);
        as("r", "X", "reader").get("/api/v1/documents/{id}", documentId).then().statusCode(200)
                .body("status", equalTo("ADOPTED")).body("currentVersion", equalTo(1));

        // The plan and a measure linked to the document (the plans service learns of it from its event)
        planId = planner().body(Map.of("title", "Tillitsbaserad styrning och ledning " + RUN, "ownerUnit", "HR-avdelningen",
                        "decision", Map.of("body", "REGIONSTYRELSEN", "date", "2022-08-17", "paragraph", "§ 183"),
                        "periodFrom", "2022-08-17", "periodTo", "2024-12-31"))
                .post("/api/v1/plans").then().statusCode(201).extract().path("id");
        Map<String, Object> measure = Map.of("code", "1", "title", "Plan för tillitsbaserad styrning i samverkan",
                "responsibleUnit", "HR-avdelningen", "startDate", "2022-09-01", "dueDate", "2023-12-31",
                "principles", List.of("TRUST", "DISCRETION"), "documentIds", List.of(documentId));
        measureId = eventually(() -> planner().body(measure).post("/api/v1/plans/{id}/measures", planId), 201)
                .path("id");
        planner().body(Map.of("date", "2023-05-15", "status", "IN_PROGRESS", "progress", 40,
                        "text", "Utbildningen Utvecklande ledarskap kunde inte genomföras under våren",
                        "obstacles", "Brist på utbildare", "nextSteps", "Kurser återupptas hösten 2023", "example", true))
                .post("/api/v1/plans/{id}/measures/{mid}/updates", planId, measureId).then().statusCode(201);
        planner().body(Map.of("date", "2023-03-10", "parties", List.of("Vision", "Kommunal", "medarbetare"),
                        "form", "SAMVERKANSGRUPP", "outcome", "Planen togs fram i samverkan"))
                .post("/api/v1/plans/{id}/measures/{mid}/collaborations", planId, measureId).then().statusCode(201);
        // another unit's planner may not change it
        as("olle", "Ekonomiavdelningen", "planner")
                .body(Map.of("date", "2023-06-01", "status", "IN_PROGRESS", "progress", 50, "text", "x"))
                .post("/api/v1/plans/{id}/measures/{mid}/updates", planId, measureId).then().statusCode(403)
                .contentType("application/problem+json");

        // Another regional system polls the status: a conditional GET costs a 304 through the gateway
        Response status = as("system", "IT", "integration").get("/api/v1/plans/{id}/status", planId);
        status.then().statusCode(200).body("measures.IN_PROGRESS", equalTo(1));
        as("system", "IT", "integration").header("If-None-Match", status.header("ETag"))
                .get("/api/v1/plans/{id}/status", planId).then().statusCode(304);

        // A report compiled from the events of both services, finalized, fetched as PDF
        Map<String, Object> compile = Map.of("planId", planId, "periodFrom", "2023-01-01", "periodTo", "2023-08-31",
                "asOf", "2023-08-31", "title", "Redovisning av tillitsbaserad styrning augusti 2023",
                "compiledBy", "Stina Strateg");
        // 422 until the reporting service has the plan's events; then one draft, recompiled until the
        // document's and the update's events have arrived too
        reportId = eventually(() -> reporter().body(compile).post("/api/v1/reports"), 201).path("id");
        eventually(() -> {
            Response r = reporter().post("/api/v1/reports/{id}/recompile", reportId);
            boolean complete = r.asString().contains("Utvecklande ledarskap")
                    && r.asString().contains("Personalpolitisk policy " + RUN);
            return r.statusCode() == 200 && !complete ? null : r;
        }, 200);
        JsonNode report = reporter().accept("application/json").get("/api/v1/reports/{id}", reportId)
                .then().statusCode(200).extract().as(JsonNode.class);
        assertEquals("DRAFT", report.path("status").asText());
        Set<String> keys = sectionKeys(report);
        assertEquals(Set.of("background", "documents", "measures", "examples", "next-steps", "principles"), keys);
        String all = report.toString();
        assertTrue(all.contains("Personalpolitisk policy " + RUN), "the adopted document is in the report: " + all);
        assertTrue(all.contains("Plan för tillitsbaserad styrning i samverkan"), "the measure is in the report: " + all);

        Response finalized = reporter().post("/api/v1/reports/{id}/finalize", reportId);
        finalized.then().statusCode(200).body("status", equalTo("FINAL"));
        String hash = finalized.path("contentHash");
        assertNotNull(hash);
        reporter().post("/api/v1/reports/{id}/finalize", reportId).then().statusCode(409)
                .contentType("application/problem+json");

        byte[] pdf = reporter().accept("application/pdf").get("/api/v1/reports/{id}", reportId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        // a later change of the plan does not alter the frozen report
        planner().body(Map.of("date", "2023-09-15", "status", "IN_PROGRESS", "progress", 60, "text", "Kurser i gång"))
                .post("/api/v1/plans/{id}/measures/{mid}/updates", planId, measureId).then().statusCode(201);
        byte[] again = reporter().accept("application/pdf").get("/api/v1/reports/{id}", reportId)
                .then().statusCode(200).extract().asByteArray();
        assertArrayEquals(pdf, again, "a FINAL report's bytes never change");
        reporter().accept("application/json").get("/api/v1/reports/{id}", reportId).then().statusCode(200)
                .body("contentHash", equalTo(hash));
    }

    @Test
    @Order(3)
    void anIntegrationScriptReadsEveryCloudEvent() {
        assertNotNull(reportId, "the journey ran first");
        Map<String, List<String>> expected = Map.of(
                "governance.documents", List.of(documentId, "governance.document.created",
                        "governance.document.consultation-opened", "governance.document.consultation-response-recorded",
                        "governance.document.consultation-closed", "governance.document.adopted"),
                "actionplan.plans", List.of(planId, "actionplan.plan.created", "actionplan.measure.created",
                        "actionplan.progress.reported", "actionplan.collaboration.recorded"),
                "reporting.reports", List.of(reportId, "reporting.report.compiled", "reporting.report.finalized"));
        for (Map.Entry<String, List<String>> topic : expected.entrySet()) {
            String subject = topic.getValue().get(0);
            List<String> types = topic.getValue().subList(1, topic.getValue().size());
            try (TopicReader reader = new TopicReader(ServiceSet.TOPIC_PREFIX + topic.getKey())) {
                List<TopicReader.Event> events = reader.await(e -> subject.equals(e.key())
                        && types.contains(e.type()), types.size(), EVENTUAL);
                Set<String> seen = events.stream().map(TopicReader.Event::type).collect(Collectors.toSet());
                assertEquals(Set.copyOf(types), seen, "event types on " + topic.getKey());
                for (TopicReader.Event e : reader.seen()) {
                    if (subject.equals(e.key())) {
                        assertCloudEvent(e, subject);
                    }
                }
            }
        }
    }

    @Test
    @Order(4)
    void bodilessAnswersThroughTheRealGatewayReachJavasHttpClient() throws Exception {
        assertNotNull(planId, "the journey ran first");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = TestTokens.tokenFor("system", "IT", "integration");
        URI status = URI.create(set.gateway() + "/api/v1/plans/" + planId + "/status");
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        for (int i = 0; i < 2; i++) { // the second poll on the kept-alive connection
            HttpResponse<String> notModified = client.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("If-None-Match", etag).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, notModified.statusCode());
            assertEquals("", notModified.body());
            assertTrue(notModified.headers().firstValue("Transfer-Encoding").isEmpty(), "no Transfer-Encoding on a 304");
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertTrue(head.headers().firstValue("Transfer-Encoding").isEmpty(), "no Transfer-Encoding on a HEAD");
        }
    }

    /** The script many integrations are: Python's requests, polling the status with If-None-Match. */
    private static final String PYTHON_POLL = String.join("\n",
            "import sys, requests",
            "url, token, etag = sys.argv[1:4]",
            "s = requests.Session()",
            "auth = {'Authorization': 'Bearer ' + token}",
            "codes = []",
            "for _ in range(2):",
            "    r = s.get(url, headers=dict(auth, **{'If-None-Match': etag}), timeout=5)",
            "    assert r.content == b'', r.content",
            "    codes.append(r.status_code)",
            "r = s.head(url, headers=auth, timeout=5)",
            "codes.append(r.status_code)",
            "r = s.get(url, headers=auth, timeout=5)",
            "codes.append(r.status_code)",
            "print(' '.join(map(str, codes)))");

    @Test
    @Order(5)
    void pythonsRequestsPollsTheStatusWithoutWaitingForABody() throws Exception {
        assertNotNull(planId, "the journey ran first");
        Assumptions.assumeTrue(pythonWithRequests(),
                "python3 with the requests package is not on this machine: the Python client's check is skipped");
        String token = TestTokens.tokenFor("system", "IT", "integration");
        String etag = as("system", "IT", "integration").get("/api/v1/plans/{id}/status", planId)
                .then().statusCode(200).extract().header("ETag");
        Process python = new ProcessBuilder("python3", "-c", PYTHON_POLL,
                set.gateway() + "/api/v1/plans/" + planId + "/status", token, etag).redirectErrorStream(true).start();
        assertTrue(python.waitFor(60, TimeUnit.SECONDS), "python3 finished (each request has a 5 s timeout)");
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, python.exitValue(), out);
        assertEquals("304 304 200 200", out, "two conditional polls (each within its 5 s timeout), a HEAD, a GET");
    }

    private static boolean pythonWithRequests() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import requests").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    @Order(6)
    void theMergedOpenApiHasTheOperatorsConsumerEndpoints() {
        JsonNode openapi = given().get("/openapi").then().statusCode(200).extract().as(JsonNode.class);
        for (String path : List.of("/api/v1/plans/consumers", "/api/v1/reports/consumers")) {
            assertTrue(openapi.path("paths").path(path).has("get"), "merged OpenAPI has GET " + path);
        }
        // routed to the plans service (its rule: admin only)
        as("root", "IT", "admin").get("/api/v1/plans/consumers").then().statusCode(200);
        as("r", "X", "reader").get("/api/v1/plans/consumers").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @Order(7)
    void inProductionTheGatewayRefusesToStartWithoutItsPublicUrl() throws Exception {
        // a key of its own: production refuses the development key before it gets to the URL
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path key = Files.createTempFile("gateway-prod-key", ".pem");
        Files.writeString(key, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        int exit = set.runUntilExit("gateway", "gateway-prod-without-public-url",
                Map.of("JWT_PUBLIC_KEY_LOCATION", key.toString()),
                List.of("-Dquarkus.profile=prod", "-Dquarkus.http.port=28090", "-Dgateway.public-url="),
                Duration.ofSeconds(90));
        String log = Files.readString(set.log("gateway-prod-without-public-url"));
        assertTrue(exit != 0, "the start failed: " + log);
        assertTrue(log.contains("GATEWAY_PUBLIC_URL (gateway.public-url) is required"), log);
    }

    /** Last: it stops a service. */
    @Test
    @Order(20)
    void oneServiceDownLeavesTheOthersOnTheGateway() throws Exception {
        assertNotNull(reportId, "the journey ran first");
        set.stop("reporting-service");
        as("r", "X", "reader").get("/api/v1/documents/{id}", documentId).then().statusCode(200);
        as("r", "X", "reader").get("/api/v1/plans/{id}", planId).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        as("r", "X", "reader").get("/api/v1/reports/{id}", reportId).then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("type", endsWith("/upstream-unavailable"));
        given().get("/q/health/group/services").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.reporting-service", startsWith("DOWN"))
                .body("checks.find { it.name == 'services' }.data.action-plan-service", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.governance-docs-service", equalTo("UP"));
    }

    private static void assertCloudEvent(TopicReader.Event e, String subject) {
        JsonNode v = e.value();
        assertEquals("1.0", v.path("specversion").asText());
        UUID.fromString(v.path("id").asText());
        assertTrue(v.path("source").asText().startsWith("/"), "source of " + e.type());
        assertEquals(subject, v.path("subject").asText(), "subject = key");
        OffsetDateTime.parse(v.path("time").asText());
        assertEquals("application/json", v.path("datacontenttype").asText());
        assertTrue(v.path("data").isObject(), "data of " + e.type());
        assertEquals("application/cloudevents+json",
                new String(e.record().headers().lastHeader("content-type").value(), StandardCharsets.UTF_8));
    }

    private static Set<String> sectionKeys(JsonNode report) {
        Set<String> keys = new java.util.HashSet<>();
        report.path("sections").forEach(s -> keys.add(s.path("key").asText()));
        return keys;
    }

    /**
     * Repeats the request until it answers {@code status} (events reach other services a moment later);
     * a null answer means "not yet".
     */
    private static Response eventually(Supplier<Response> request, int status) {
        AtomicReference<Response> last = new AtomicReference<>();
        try {
            return await().atMost(EVENTUAL).pollInterval(Duration.ofMillis(300)).until(() -> {
                Response r = request.get();
                if (r != null) {
                    last.set(r);
                    assertFalse(r.statusCode() >= 500, "no server error: " + r.asString());
                }
                return r;
            }, r -> r != null && r.statusCode() == status);
        } catch (ConditionTimeoutException e) {
            Response r = last.get();
            throw new AssertionError("expected " + status + " within " + EVENTUAL + ", last answer: "
                    + (r == null ? "none" : r.statusCode() + " " + r.asString()));
        }
    }
}
