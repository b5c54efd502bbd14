package se.region.governance.docs.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.region.governance.docs.api.Docs.reader;
import static se.region.governance.docs.api.Docs.registrar;

/** "Today" (bean validation's @PastOrPresent, a review's default startedOn) is the configured region's day. */
@QuarkusTest
@TestProfile(RegionTimeZoneTest.Kiritimati.class)
class RegionTimeZoneTest {

    static final ZoneId ZONE = ZoneId.of("Pacific/Kiritimati"); // UTC+14: from 10:00 UTC on, a day ahead of UTC

    public static class Kiritimati implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("governance.region.time-zone", ZONE.getId());
        }
    }

    @Inject
    ValidatorFactory validation;

    @Test
    void validationComparesWithTheDayInTheConfiguredZone() {
        assertEquals(ZONE, validation.getClockProvider().getClock().getZone());
        String id = BusinessDatesApiTest.adopted("Riktlinje i en annan tidszon");
        String today = LocalDate.now(ZONE).toString();
        registrar().body("{\"startedOn\":\"" + today + "\"}").post("/api/v1/documents/{id}/reviews", id).then()
                .statusCode(200);
        reader().get("/api/v1/documents/{id}/history", id).then()
                .body("items.find { it.action == 'review-started' && it.field == 'startedOn' }.newValue", equalTo(today));
    }
}
