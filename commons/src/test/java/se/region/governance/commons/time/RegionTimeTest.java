package se.region.governance.commons.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RegionTimeTest {

    static final Clock NEAR_MIDNIGHT = Clock.fixed(Instant.parse("2026-11-25T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void todayIsTheDayInTheRegionsZoneNotInUtc() {
        assertEquals(LocalDate.parse("2026-11-26"), new RegionTime(NEAR_MIDNIGHT, ZoneId.of("Europe/Stockholm")).today());
        assertEquals(LocalDate.parse("2026-11-25"), new RegionTime(NEAR_MIDNIGHT, ZoneId.of("America/New_York")).today());
    }

    @Test
    void validationsClockIsTheServiceClockInTheRegionsZone() {
        Clock clock = new RegionTime(NEAR_MIDNIGHT, ZoneId.of("Europe/Stockholm")).getClock();
        assertEquals(ZoneId.of("Europe/Stockholm"), clock.getZone());
        assertEquals(NEAR_MIDNIGHT.instant(), clock.instant());
        assertEquals(LocalDate.parse("2026-11-26"), LocalDate.now(clock));
    }
}
