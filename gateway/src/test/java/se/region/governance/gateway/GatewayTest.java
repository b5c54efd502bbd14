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

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The gateway's own behaviour, in front of FakeUpstream (documents, reports) and a closed port (plans). */
@QuarkusTest
@QuarkusTestResource(FakeUpstream.class)
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
        // the fake upstream is no real service and the plans one is down: not ready
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'services' }.data.action-plan-service", startsWith("DOWN"));
        given().get("/q/health/live").then().statusCode(200);
    }
}
