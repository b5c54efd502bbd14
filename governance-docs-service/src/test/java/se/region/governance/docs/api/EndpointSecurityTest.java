package se.region.governance.docs.api;

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

/** Every endpoint: 401 without a token; writes: 403 for reader, planner, reporter and integration. */
@QuarkusTest
class EndpointSecurityTest {

    static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("/api/v1/documents"),
                Arguments.of("/api/v1/documents/due-for-review"),
                Arguments.of("/api/v1/documents/" + ID),
                Arguments.of("/api/v1/documents/" + ID + "/versions"),
                Arguments.of("/api/v1/documents/" + ID + "/versions/1"),
                Arguments.of("/api/v1/documents/" + ID + "/history"),
                Arguments.of("/api/v1/documents/" + ID + "/consultations"),
                Arguments.of("/api/v1/documents/" + ID + "/consultations/" + ID));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/documents"),
                Arguments.of("POST", "/api/v1/documents/import"),
                Arguments.of("PUT", "/api/v1/documents/" + ID),
                Arguments.of("PATCH", "/api/v1/documents/" + ID),
                Arguments.of("POST", "/api/v1/documents/" + ID + "/consultations"),
                Arguments.of("POST", "/api/v1/documents/" + ID + "/consultations/" + ID + "/responses"),
                Arguments.of("POST", "/api/v1/documents/" + ID + "/adoptions"),
                Arguments.of("POST", "/api/v1/documents/" + ID + "/reviews"),
                Arguments.of("POST", "/api/v1/documents/" + ID + "/repeal"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("reads")
    void readsNeedAToken(String path) {
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        for (String role : new String[]{Roles.READER, Roles.REGISTRAR, Roles.ADMIN}) {
            given().auth().oauth2(TestTokens.token(role)).get(path).then().statusCode(not(oneOf(401, 403)));
        }
        // integration reads the register, not the audit trail (it names people)
        int expected = path.endsWith("/history") ? 403 : 404;
        if (path.equals("/api/v1/documents") || path.endsWith("/due-for-review")) {
            expected = 200;
        }
        given().auth().oauth2(TestTokens.token(Roles.INTEGRATION)).get(path).then().statusCode(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void writesNeedRegistrarOrAdmin(String method, String path) {
        String contentType = path.endsWith("/import") ? "text/csv" : "application/json";
        given().contentType(contentType).body("{}").request(method, path).then().statusCode(401);
        for (String role : new String[]{Roles.READER, Roles.PLANNER, Roles.REPORTER, Roles.INTEGRATION}) {
            given().auth().oauth2(TestTokens.token(role)).contentType(contentType).body("{}").request(method, path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.token(Roles.REGISTRAR)).contentType(contentType).body("{}").request(method, path)
                .then().statusCode(not(oneOf(401, 403)));
    }
}
