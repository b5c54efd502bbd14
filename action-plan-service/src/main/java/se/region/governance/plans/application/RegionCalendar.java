package se.region.governance.plans.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * "Today" as the region counts days (Europe/Stockholm by default, actionplan.time-zone): a due date
 * passes at local midnight, not at midnight UTC.
 */
@ApplicationScoped
public class RegionCalendar {

    @Inject
    Clock clock;

    @ConfigProperty(name = "actionplan.time-zone", defaultValue = "Europe/Stockholm")
    ZoneId zone;

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }
}
