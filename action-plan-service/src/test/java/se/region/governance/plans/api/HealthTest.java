package se.region.governance.plans.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Readiness covers the database and the Kafka consumer of governance.documents; open without a token. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessChecksDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check"));
    }

    @Test
    void openApiDescribesEveryPathWithBearerSecurity() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.keySet()", hasItem("/api/v1/plans/{id}/status"))
                .body("paths.keySet()", hasItem("/api/v1/plans/{id}/changes"))
                .body("paths.keySet()", hasItem("/api/v1/plans/{id}/measures/{mid}/updates"))
                .body("paths.'/api/v1/plans/{id}/status'.get.tags", hasItem("Plan status and changes"));
    }
}
