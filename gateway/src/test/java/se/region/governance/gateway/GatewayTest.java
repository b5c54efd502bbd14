package se.region.governance.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.region.governance.commons.testing.TestTokens;
import se.region.governance.commons.tokens.VerifiedTokenCache;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway's own behaviour, in front of FakeUpstream (documents, reports) and a closed port (plans). */
@QuarkusTest
@QuarkusTestResource(value = FakeUpstream.class, restrictToAnnotatedClass = true)
class GatewayTest {

    /** A caller of its own, so the per-client rate limit of one test does not touch another. */
    private static RequestSpecification caller() {
        return given().auth().oauth2(TestTokens.tokenFor("user-" + UUID.randomUUID(), "HR-avdelningen", "reader"));
    }

    @Test
    void proxiesWithHeadersAndBodyAndPassesTheTokenOn() {
        caller().header("If-Match", "\"3\"").contentType("application/json").body("{\"a\":\"å\"}")
                .patch("/api/v1/documents/abc?x=1")
                .then().statusCode(200)
                .header("ETag", "\"7\"")
                .header("Cache-Control", "private, max-age=0, must-revalidate")
                .body("method", equalTo("PATCH"))
                .body("uri", equalTo("/api/v1/documents/abc?x=1"))
                .body("headers.if-match", equalTo("\"3\""))
                .body("headers.authorization", startsWith("Bearer "))
                .body("bodyLength", greaterThan(0));
    }

    @Test
    void ifNoneMatchReachesTheServiceAnd304ComesBack() {
        caller().header("If-None-Match", "\"7\"").get("/api/v1/documents/abc")
                .then().statusCode(304).header("ETag", "\"7\"");
    }

    @Test
    void locationPointsAtTheGateway() {
        String location = caller().post("/api/v1/documents/created").then().statusCode(201)
                .header("ETag", "\"1\"").extract().header("Location");
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/api/v1/documents/42", location);
    }

    @Test
    void problemBodiesAndBinaryBodiesPassUnchanged() {
        caller().post("/api/v1/documents/problem").then().statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/conflict"));
        byte[] pdf = caller().get("/api/v1/documents/binary").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        byte[] expected = new byte[300_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (byte) (i % 251);
        }
        assertArrayEquals(expected, pdf);
    }

    @Test
    void requestIdAndTraceparentAreCreatedAndPassedOn() {
        var response = caller().get("/api/v1/documents/abc").then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("headers.traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-01"))
                .extract();
        assertEquals(response.header("X-Request-Id"), response.path("headers.x-request-id"));

        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        caller().header("X-Request-Id", "client-42").header("traceparent", traceparent)
                .get("/api/v1/documents/abc").then().statusCode(200)
                .header("X-Request-Id", "client-42")
                .body("headers.x-request-id", equalTo("client-42"))
                .body("headers.traceparent", equalTo(traceparent));
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheSharedCacheOfVerifiedTokens() {
        assertInstanceOf(VerifiedTokenCache.class, parser);
        String token = TestTokens.token("reader");
        for (int i = 0; i < 2; i++) { // the second time from the cache; a forged token is refused both times
            given().auth().oauth2(token).get("/api/v1/documents/abc").then().statusCode(200);
            given().auth().oauth2(TestTokens.wrongKey("reader")).get("/api/v1/documents/abc").then().statusCode(401);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "expired", "issuer", "audience", "key", "alg-none"})
    void theGatewayAnswers401Itself(String kind) {
        RequestSpecification request = switch (kind) {
            case "none" -> given();
            case "expired" -> given().auth().oauth2(TestTokens.expired("reader"));
            case "issuer" -> given().auth().oauth2(TestTokens.wrongIssuer("reader"));
            case "audience" -> given().auth().oauth2(TestTokens.wrongAudience("reader"));
            case "key" -> given().auth().oauth2(TestTokens.wrongKey("reader"));
            default -> given().auth().oauth2(TestTokens.algNone("reader"));
        };
        request.get("/api/v1/documents/abc").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", endsWith("/unauthorized"));
    }

    @Test
    void theRateLimitAnswers429WithRetryAfter() {
        String token = TestTokens.tokenFor("busy-" + UUID.randomUUID(), "HR-avdelningen", "reader");
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 30; i++) {
            var r = given().auth().oauth2(token).get("/api/v1/documents/abc").then().extract();
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
                assertEquals("application/problem+json", r.contentType());
            }
        }
        assertEquals(true, limited >= 5, "the burst is 20 and the refill 1/s: some of 30 quick requests are refused");
        assertEquals(true, Integer.parseInt(retryAfter) >= 1);
        // another client is not affected
        caller().get("/api/v1/documents/abc").then().statusCode(200);
    }

    @Test
    void aServiceThatIsDownGives503AndOneThatHangsGives504() {
        caller().get("/api/v1/plans/x").then().statusCode(503)
                .contentType("application/problem+json").body("type", endsWith("/upstream-unavailable"))
                .header("Retry-After", notNullValue());
        caller().get("/api/v1/reports/x").then().statusCode(504)
                .contentType("application/problem+json").body("type", endsWith("/upstream-timeout"));
    }

    @Test
    void anOversizedBodyIs413BeforeItReachesAService() {
        byte[] body = new byte[1024 * 1024 + 1];
        caller().contentType("application/json").body(body).post("/api/v1/documents/abc")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void unknownRoutesAreProblems() {
        given().get("/nothing/here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void corsAllowsTheIntranetOriginAndExposesEtagAndLocation() {
        given().header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .options("/api/v1/documents/abc")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Allow-Methods", containsString("PATCH"));
        caller().header("Origin", "http://localhost:5173").get("/api/v1/documents/abc").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
        caller().header("Origin", "https://evil.example").get("/api/v1/documents/abc").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void docsAndHealthAreOpen() {
        given().get("/asyncapi").then().statusCode(200).body(containsString("asyncapi: 3.0.0"));
        given().get("/swagger-ui/").then().statusCode(200);
        given().get("/openapi").then().statusCode(200).body("openapi", startsWith("3."))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void theGatewaysReadinessIsItsOwnAndTheServicesStatesAreShownBesideIt() {
        // the plans service is down (a closed port): the gateway still serves the others, so it is ready
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("gateway"))
                .body("checks.name", not(hasItem("services")))
                .body("checks.find { it.name == 'gateway' }.data.token-verification-key", equalTo("loaded"));
        given().get("/q/health/group/services").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'services' }.data.action-plan-service", startsWith("DOWN"));
        // /q/health, for people, shows both
        given().get("/q/health").then().statusCode(503)
                .body("checks.find { it.name == 'gateway' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.action-plan-service", startsWith("DOWN"));
        // and the documents route keeps answering beside the plans route's 503
        caller().get("/api/v1/documents/abc").then().statusCode(200);
        caller().get("/api/v1/plans/abc").then().statusCode(503);
    }

    @Test
    void theOperatorRouteOfThePlansServiceIsRoutedToIt() {
        // the plans service is the closed port here: its 503 names it
        caller().get("/api/v1/plans/consumers").then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("plans service"))
                .body("instance", equalTo("/api/v1/plans/consumers"));
    }

    // ---- bodiless answers, at the byte level and with a second client

    private static String token() {
        return TestTokens.tokenFor("raw-" + UUID.randomUUID(), "HR-avdelningen", "reader");
    }

    private static String request(String method, String path, String token, String... fields) {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + RestAssured.port
                + "\r\nAuthorization: Bearer " + token + "\r\n");
        for (String field : fields) {
            head.append(field).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /**
     * The bodiless answer's head, then, on the same keep-alive connection, a second request: its
     * status line must be the very next bytes (a chunked terminator or any body would be read there).
     */
    private static RawHttp.Head bodilessThenNext(String first) throws Exception {
        String token = token();
        try (RawHttp http = new RawHttp(RestAssured.port)) {
            http.send(first.replace("TOKEN", token));
            RawHttp.Head head = http.readHead();
            assertNull(head.header("transfer-encoding"), "no Transfer-Encoding on " + head.statusLine());
            http.send(request("GET", "/api/v1/documents/next", token));
            RawHttp.Head next = http.readHead();
            assertEquals(200, next.status(), "the second answer follows the first's blank line directly");
            assertTrue(new String(http.readBody(next), StandardCharsets.UTF_8).contains("/api/v1/documents/next"));
            return head;
        }
    }

    @Test
    void a304LeavesTheGatewayWithoutBodyFraming() throws Exception {
        RawHttp.Head head = bodilessThenNext(request("GET", "/api/v1/documents/abc", "TOKEN", "If-None-Match: \"7\""));
        assertEquals(304, head.status());
        assertEquals("\"7\"", head.header("etag"));
        assertNull(head.header("content-length"), "the service sent none; the gateway invents none");
    }

    @Test
    void a204LeavesTheGatewayWithoutBodyFraming() throws Exception {
        RawHttp.Head head = bodilessThenNext(request("POST", "/api/v1/documents/no-content", "TOKEN", "Content-Length: 0"));
        assertEquals(204, head.status());
        assertNull(head.header("content-length"), "RFC 9110 8.6: no Content-Length in a 204");
    }

    @Test
    void anAnswerToHeadLeavesTheGatewayWithoutABody() throws Exception {
        RawHttp.Head head = bodilessThenNext(request("HEAD", "/api/v1/documents/abc", "TOKEN"));
        assertEquals(200, head.status());
        assertEquals("\"7\"", head.header("etag"));
    }

    @Test
    void bodilessAnswersReachJavasHttpClientToo() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = token();
        URI uri = URI.create("http://localhost:" + RestAssured.port + "/api/v1/documents/abc");
        for (int i = 0; i < 2; i++) { // the second time on the kept-alive connection
            HttpResponse<String> notModified = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("If-None-Match", "\"7\"").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(304, notModified.statusCode());
            assertEquals("", notModified.body());
            assertTrue(notModified.headers().firstValue("transfer-encoding").isEmpty());
            HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            HttpResponse<String> noContent = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + RestAssured.port + "/api/v1/documents/no-content"))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, noContent.statusCode());
            HttpResponse<String> ok = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            assertTrue(ok.body().contains("\"method\":\"GET\""));
        }
    }

    @Test
    void expectContinueGetsABodiless100AfterTheChecksThenTheAnswer() throws Exception {
        String token = token();
        try (RawHttp http = new RawHttp(RestAssured.port)) {
            http.send(request("POST", "/api/v1/documents/abc", token, "Content-Type: application/json",
                    "Content-Length: 2", "Expect: 100-continue"));
            RawHttp.Head interim = http.readHead();
            assertEquals(100, interim.status());
            assertNull(interim.header("transfer-encoding"));
            assertNull(interim.header("content-length"));
            http.send("{}");
            RawHttp.Head answer = http.readHead();
            assertEquals(200, answer.status());
            assertTrue(new String(http.readBody(answer), StandardCharsets.UTF_8).contains("\"bodyLength\":2"));
        }
        try (RawHttp http = new RawHttp(RestAssured.port)) { // refused before the body is asked for
            http.send(request("POST", "/api/v1/documents/abc", "not-a-token", "Content-Type: application/json",
                    "Content-Length: 2", "Expect: 100-continue"));
            assertEquals(401, http.readHead().status());
        }
    }

    // ---- the edges: OPTIONS, streamed bodies, forwarded headers, failed authentication, long request lines

    @Test
    void optionsWithoutOriginNeedsATokenLikeAnyMethod() {
        given().options("/api/v1/documents/abc").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        caller().options("/api/v1/documents/abc").then().statusCode(200).body("method", equalTo("OPTIONS"));
        // a preflight from an origin that is not allowed is refused by the CORS filter, not forwarded
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/documents/abc").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    private static RawHttp.Head sendChunked(RawHttp http, String token, int chunks, int chunkSize) throws Exception {
        http.send("POST /api/v1/documents/abc HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        // written beside the reading: the gateway may answer before it read everything
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try {
                byte[] chunk = new byte[chunkSize];
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int i = 0; i < chunks; i++) {
                    http.output().write((Integer.toHexString(chunkSize) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    http.output().write(chunk);
                    http.output().write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                http.output().write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                http.output().flush();
            } catch (java.io.IOException closedByTheGateway) {
                // expected once the gateway refused the body
            }
        });
        RawHttp.Head head = http.readHead();
        if (head.status() != 413) {
            writing.join();
        }
        return head;
    }

    @Test
    void aChunkedBodyOverTheLimitIs413AndOneUnderItPasses() throws Exception {
        String token = token();
        try (RawHttp http = new RawHttp(RestAssured.port)) {
            RawHttp.Head head = sendChunked(http, token, 40, 32 * 1024); // 1.25 MiB, the limit is 1 MiB
            assertEquals(413, head.status());
            assertEquals("application/problem+json", head.header("content-type"));
            String body = new String(http.readBody(head), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"status\":413") && body.contains("/problems/payload-too-large"), body);
        }
        try (RawHttp http = new RawHttp(RestAssured.port)) {
            RawHttp.Head head = sendChunked(http, token, 8, 32 * 1024);
            assertEquals(200, head.status());
            assertTrue(new String(http.readBody(head), StandardCharsets.UTF_8).contains("\"bodyLength\":262144"));
        }
    }

    @Test
    void forwardedHostsAreBelievedOnlyFromATrustedProxy() throws Exception {
        // the tests' own address is the configured trusted proxy
        String trusted = caller().header("X-Forwarded-Host", "gateway.region.example").header("X-Forwarded-Proto", "https")
                .post("/api/v1/documents/created").then().statusCode(201).extract().header("Location");
        assertEquals("https://gateway.region.example/api/v1/documents/42", trusted);
        // anyone else (127.0.0.2) forging them is ignored: Location and the OpenAPI servers keep the Host
        String forged = "X-Forwarded-Host: evil.example";
        try (RawHttp http = new RawHttp(RestAssured.port, "127.0.0.2")) {
            http.send(request("POST", "/api/v1/documents/created", token(), forged, "X-Forwarded-Proto: https",
                    "Forwarded: host=evil.example;proto=https", "Content-Length: 0"));
            RawHttp.Head created = http.readHead();
            assertEquals(201, created.status());
            assertEquals("http://localhost:" + RestAssured.port + "/api/v1/documents/42", created.header("location"));
            http.readBody(created);
            http.send("GET /openapi HTTP/1.1\r\nHost: localhost:" + RestAssured.port + "\r\n" + forged + "\r\n\r\n");
            RawHttp.Head openapi = http.readHead();
            assertEquals(200, openapi.status());
            String document = new String(http.readBody(openapi), StandardCharsets.UTF_8);
            assertTrue(document.contains("\"url\":\"http://localhost:" + RestAssured.port + "\""), document);
            assertFalse(document.contains("evil.example"), document);
        }
    }

    @Test
    void requestsThatFailAuthenticationAreRateLimitedPerClientAddress() {
        String address = "198.51.100." + (1 + new java.util.Random().nextInt(254));
        String forged = TestTokens.wrongKey("reader"); // minted once: minting takes a key pair's generation
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 30; i++) {
            var r = given().header("X-Forwarded-For", address).auth().oauth2(forged)
                    .get("/api/v1/documents/abc").then().extract();
            assertTrue(r.statusCode() == 401 || r.statusCode() == 429, "401 or 429, was " + r.statusCode());
            assertEquals("application/problem+json", r.contentType());
            if (r.statusCode() == 429) {
                limited++;
                retryAfter = r.header("Retry-After");
            }
        }
        assertTrue(limited >= 5, "the burst is 20 and the refill 1/s: some of 30 quick refusals are 429, were " + limited);
        assertTrue(Integer.parseInt(retryAfter) >= 1);
        // another address is not affected, and a valid token from the limited address still passes
        given().header("X-Forwarded-For", "203.0.113.9").get("/api/v1/documents/abc").then().statusCode(401);
        caller().header("X-Forwarded-For", address).get("/api/v1/documents/abc").then().statusCode(200);
    }

    @Test
    void aTooLongRequestLineIs414ProblemJson() throws Exception {
        String token = token();
        try (RawHttp http = new RawHttp(RestAssured.port)) {
            http.send(request("GET", "/api/v1/documents/" + "a".repeat(5000), token));
            RawHttp.Head head = http.readHead();
            assertEquals(414, head.status());
            assertEquals("application/problem+json", head.header("content-type"));
            String body = new String(http.readBody(head), StandardCharsets.UTF_8);
            assertTrue(body.contains("\"status\":414") && body.contains("/problems/uri-too-long")
                    && body.contains("\"title\":\"URI Too Long\"") && body.contains("\"detail\":"), body);
            // the connection stays usable
            http.send(request("GET", "/api/v1/documents/next", token));
            assertEquals(200, http.readHead().status());
        }
        // just under the limit (4096 characters in all) is forwarded
        String path = "/api/v1/documents/" + "b".repeat(4096 - "GET  HTTP/1.1".length() - "/api/v1/documents/".length());
        caller().get(path).then().statusCode(200).body("uri", equalTo(path));
    }
}
