package se.region.governance.reports.api;

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

/** Every endpoint: 401 without or with a bad token; writes: 403 for reader, integration, planner and registrar. */
@QuarkusTest
class EndpointSecurityTest {

    static final String ID = UUID.randomUUID().toString();

    static Stream<Arguments> reads() {
        return Stream.of(Arguments.of("/api/v1/reports"), Arguments.of("/api/v1/reports/consumers"),
                Arguments.of("/api/v1/reports/" + ID));
    }

    static Stream<Arguments> writes() {
        return Stream.of(Arguments.of("POST", "/api/v1/reports"), Arguments.of("PATCH", "/api/v1/reports/" + ID),
                Arguments.of("POST", "/api/v1/reports/" + ID + "/recompile"),
                Arguments.of("POST", "/api/v1/reports/" + ID + "/finalize"));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("reads")
    void readsNeedAReadingRole(String path) {
        given().get(path).then().statusCode(401).contentType("application/problem+json");
        for (String bad : new String[]{TestTokens.expired(Roles.READER), TestTokens.wrongKey(Roles.READER),
                TestTokens.wrongIssuer(Roles.READER), TestTokens.algNone(Roles.READER)}) {
            given().auth().oauth2(bad).get(path).then().statusCode(401);
        }
        for (String role : new String[]{Roles.READER, Roles.REPORTER, Roles.INTEGRATION, Roles.ADMIN}) {
            given().auth().oauth2(TestTokens.token(role)).get(path).then().statusCode(not(oneOf(401, 403)));
        }
        for (String role : new String[]{Roles.PLANNER, Roles.REGISTRAR}) {
            given().auth().oauth2(TestTokens.token(role)).get(path).then().statusCode(403).contentType("application/problem+json");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void writesNeedReporterOrAdmin(String method, String path) {
        given().contentType("application/json").body("{}").request(method, path).then().statusCode(401);
        for (String role : new String[]{Roles.READER, Roles.INTEGRATION, Roles.PLANNER, Roles.REGISTRAR}) {
            given().auth().oauth2(TestTokens.token(role)).contentType("application/json").body("{}").request(method, path)
                    .then().statusCode(403).contentType("application/problem+json");
        }
        for (String role : new String[]{Roles.REPORTER, Roles.ADMIN}) {
            given().auth().oauth2(TestTokens.token(role)).contentType("application/json").body("{}").request(method, path)
                    .then().statusCode(not(oneOf(401, 403)));
        }
    }
}
