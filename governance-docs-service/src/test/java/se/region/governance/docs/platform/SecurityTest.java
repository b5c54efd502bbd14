package se.region.governance.docs.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.tokens.VerifiedTokenCache;
import se.region.governance.commons.testing.TestTokens;

import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Foundation: every service verifies the bearer token itself (signature, issuer, audience,
 * expiry, algorithm) and answers 401/403 as problem+json.
 */
@QuarkusTest
class SecurityTest {

    static Stream<Arguments> rejectedTokens() {
        return Stream.of(
                Arguments.of("expired", TestTokens.expired(Roles.ADMIN)),
                Arguments.of("wrong issuer", TestTokens.wrongIssuer(Roles.ADMIN)),
                Arguments.of("wrong audience", TestTokens.wrongAudience(Roles.ADMIN)),
                Arguments.of("wrong key", TestTokens.wrongKey(Roles.ADMIN)),
                Arguments.of("alg none", TestTokens.algNone(Roles.ADMIN)),
                Arguments.of("garbage", "not.a.jwt"));
    }

    @Inject
    JWTParser parser;

    @Test
    void tokensAreVerifiedThroughTheCacheOfVerifiedTokens() {
        assertInstanceOf(VerifiedTokenCache.class, parser, "the bean MpJwtValidator authenticates with");
        String token = TestTokens.token(Roles.READER);
        for (int i = 0; i < 2; i++) { // the second request is answered from the cache, with the same rules
            given().auth().oauth2(token).when().get("/api/v1/documents/{id}", UUID.randomUUID())
                    .then().statusCode(404);
            given().auth().oauth2(TestTokens.wrongKey(Roles.READER)).when().get("/api/v1/documents/{id}", UUID.randomUUID())
                    .then().statusCode(401);
        }
    }

    @Test
    void missingTokenIs401Problem() {
        given().when().get("/api/v1/documents/{id}", UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("type", endsWith("/unauthorized"));
    }

    @ParameterizedTest(name = "{0} token is rejected")
    @MethodSource("rejectedTokens")
    void invalidTokensAre401(String kind, String token) {
        given().auth().oauth2(token)
                .when().get("/api/v1/documents/{id}", UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void validTokenPassesAuthentication() {
        // 404 for an unknown id proves the token was accepted and the role allowed the read
        given().auth().oauth2(TestTokens.token(Roles.READER))
                .when().get("/api/v1/documents/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void wrongRoleIs403Problem() {
        given().auth().oauth2(TestTokens.token(Roles.READER))
                .contentType("application/json")
                .body("{\"diaryNumber\":\"SEC-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"title\":\"Otillåten\",\"type\":\"POLICY\"}")
                .when().post("/api/v1/documents")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/forbidden"));
    }

    @Test
    void aRoleOfAnotherServiceIs403() {
        given().auth().oauth2(TestTokens.token(Roles.PLANNER))
                .contentType("application/json")
                .body("{\"diaryNumber\":\"SEC-" + UUID.randomUUID().toString().substring(0, 8)
                        + "\",\"title\":\"Otillåten\",\"type\":\"POLICY\"}")
                .when().post("/api/v1/documents")
                .then().statusCode(403);
    }

    @Test
    void healthAndOpenApiAreOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
    }
}
