package se.region.governance.commons.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Time as the region counts it, the same in every service: the service's clock (UTC system time, produced
 * here; a test may replace the {@link Clock} bean with an alternative) and the region's time zone
 * ({@code governance.region.time-zone}, Europe/Stockholm by default), in which a day begins and ends.
 * <p>
 * It is bean validation's {@link ClockProvider} too, so {@code @PastOrPresent} on a business date compares
 * with the region's date: just after midnight in Stockholm, "today" is accepted although it is still
 * yesterday in UTC.
 */
@Singleton
public class RegionTime implements ClockProvider {

    private final Clock clock;
    private final ZoneId zone;

    @Inject
    public RegionTime(Clock clock, @ConfigProperty(name = "governance.region.time-zone") ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The service's clock: UTC system time. */
    @Produces
    @Singleton
    static Clock systemClock() {
        return Clock.systemUTC();
    }

    /** The region's time zone. */
    public ZoneId zone() {
        return zone;
    }

    /** Today in the region. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The service's clock in the region's zone. */
    @Override
    public Clock getClock() {
        return clock.withZone(zone);
    }
}
