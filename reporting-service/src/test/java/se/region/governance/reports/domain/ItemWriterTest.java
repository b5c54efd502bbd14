package se.region.governance.reports.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dates and event times are written as their toString (e.g. the provenance's "time"), without a String each time. */
class ItemWriterTest {

    @Test
    void datesAndEventTimesAreWrittenAsTheirToString() {
        List<OffsetDateTime> times = new java.util.ArrayList<>(List.of(
                OffsetDateTime.parse("2024-03-01T09:30:00Z"),
                OffsetDateTime.parse("2024-03-01T09:30:01Z"),
                OffsetDateTime.parse("2024-03-01T00:00:00.5Z"),
                OffsetDateTime.parse("2024-03-01T09:30:00.120Z"),
                OffsetDateTime.parse("2024-03-01T09:30:00.123456Z"),
                OffsetDateTime.parse("2024-03-01T09:30:00.000001Z"),
                OffsetDateTime.parse("2024-03-01T09:30:00.123456789Z"),
                OffsetDateTime.parse("1000-01-01T23:59:59.999+01:00"),
                OffsetDateTime.parse("9999-12-31T23:59:59-05:30"),
                OffsetDateTime.of(2023, 8, 31, 12, 0, 0, 0, ZoneOffset.ofHoursMinutesSeconds(1, 2, 3))));
        Random random = new Random(183);
        for (int i = 0; i < 10_000; i++) {
            times.add(OffsetDateTime.of(1000 + random.nextInt(9000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(4) == 0 ? 0 : random.nextInt(60),
                    switch (random.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    }, random.nextBoolean() ? ZoneOffset.UTC : ZoneOffset.ofHours(random.nextInt(25) - 12)));
        }
        char[] out = new char[40];
        for (OffsetDateTime t : times) {
            assertEquals(t.toString(), new String(out, 0, ItemWriter.isoTime(t, out)));
            assertEquals(t.toLocalDate().toString(), new String(out, 0, ItemWriter.isoDate(t.toLocalDate(), out)));
        }
        assertEquals(-1, ItemWriter.isoDate(java.time.LocalDate.of(999, 1, 1), out));
        assertEquals(-1, ItemWriter.isoTime(OffsetDateTime.parse("0999-12-31T23:59:59Z"), out), "toString pads such a year");
        assertEquals(-1, ItemWriter.isoTime(OffsetDateTime.parse("+10000-01-01T00:00:00Z"), out), "and signs this one");
    }
}
