package se.region.governance.docs.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days as the region counts them (Europe/Stockholm), on the service's clock. It is bean validation's
 * {@link ClockProvider} too, so {@code @PastOrPresent} on a business date (a review's startedOn, a
 * document's draftingSince) compares with the Swedish date: just after midnight in Stockholm, "today"
 * is already accepted although it is still yesterday in UTC.
 */
@Singleton
public class RegionClock implements ClockProvider {

    public static final ZoneId REGION_ZONE = ZoneId.of("Europe/Stockholm");

    @Inject
    Clock clock;

    @Override
    public Clock getClock() {
        return clock.withZone(REGION_ZONE);
    }

    public LocalDate today() {
        return LocalDate.now(getClock());
    }
}
