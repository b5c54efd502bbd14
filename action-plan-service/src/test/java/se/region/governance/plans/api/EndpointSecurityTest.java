package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.region.governance.commons.security.Roles;
import se.region.governance.commons.testing.TestTokens;

import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

/** Every endpoint: 401 without (or with a bad) token; writes: 403 for reader, registrar, reporter and integration. */
@QuarkusTest
class EndpointSecurityTest {

    static final String ID = UUID.randomUUID().toString();
    static final String P = "/api/v1/plans/" + ID;

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("/api/v1/plans"),
                Arguments.of(P),
                Arguments.of(P + "/measures"),
                Arguments.of(P + "/measures/" + ID),
                Arguments.of(P + "/measures/" + ID + "/updates"),
                Arguments.of(P + "/measures/" + ID + "/updates/" + ID),
                Arguments.of(P + "/measures/" + ID + "/collaborations"),
                Arguments.of(P + "/measures/" + ID + "/collaborations/" + ID),
                Arguments.of(P + "/collaborations"),
                Arguments.of(P + "/collaborations/" + ID),
                Arguments.of(P + "/status"),
                Arguments.of(P + "/changes"),
                Arguments.of(P + "/history"));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/plans"),
                Arguments.of("PATCH", P),
                Arguments.of("POST", P + "/measures"),
                Arguments.of("PATCH", P + "/measures/" + ID),
                Arguments.of("POST", P + "/measures/" + ID + "/updates"),
                Arguments.of("POST", P + "/measures/" + ID + "/collaborations"),
                Arguments.of("POST", P + "/collaborations"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("reads")
    void readsNeedAToken(String path) {
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(Roles.READER)).get(path).then().statusCode(401);
        given().auth().oauth2(TestTokens.wrongKey(Roles.READER)).get(path).then().statusCode(401);
        for (String role : new String[]{Roles.READER, Roles.INTEGRATION, Roles.PLANNER, Roles.REPORTER, Roles.ADMIN}) {
            boolean auditForbidden = path.endsWith("/history") && role.equals(Roles.INTEGRATION);
            given().auth().oauth2(TestTokens.token(role)).get(path).then()
                    .statusCode(auditForbidden ? oneOf(403) : not(oneOf(401, 403)));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void writesNeedPlannerOrAdmin(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401);
        for (String role : new String[]{Roles.READER, Roles.REGISTRAR, Roles.REPORTER, Roles.INTEGRATION}) {
            given().auth().oauth2(TestTokens.token(role)).contentType("application/json").body("{}")
                    .request(method, path).then().statusCode(403).contentType("application/problem+json");
        }
        for (String role : new String[]{Roles.PLANNER, Roles.ADMIN}) {
            given().auth().oauth2(TestTokens.token(role)).contentType("application/json").body("{}")
                    .request(method, path).then().statusCode(not(oneOf(401, 403)));
        }
    }
}
