package se.region.governance.plans;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: system time, unless a test sets it (reminders, overdue lists). */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private static volatile Instant fixed;

    private final ZoneId zone;

    public TestClock() {
        this(ZoneOffset.UTC);
    }

    private TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void set(Instant instant) {
        fixed = instant;
    }

    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** The same time in another zone (the region's, for "today" and bean validation). */
    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }
}
