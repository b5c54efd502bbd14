package se.region.governance.plans.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReminderRuleTest {

    static final LocalDate SINCE = LocalDate.of(2023, 1, 1);
    static final Period P90D = Period.ofDays(90);

    @Test
    void updateOverdueOncePerPeriod() {
        assertTrue(ReminderRule.updateOverdueKey(MeasureStatus.IN_PROGRESS, SINCE, SINCE.plusDays(89), P90D).isEmpty());
        Optional<String> first = ReminderRule.updateOverdueKey(MeasureStatus.IN_PROGRESS, SINCE, SINCE.plusDays(90), P90D);
        assertTrue(first.isPresent());
        assertEquals(first, ReminderRule.updateOverdueKey(MeasureStatus.IN_PROGRESS, SINCE, SINCE.plusDays(179), P90D));
        Optional<String> second = ReminderRule.updateOverdueKey(MeasureStatus.IN_PROGRESS, SINCE, SINCE.plusDays(180), P90D);
        assertNotEquals(first, second);
        assertTrue(ReminderRule.updateOverdueKey(MeasureStatus.DONE, SINCE, SINCE.plusDays(400), P90D).isEmpty());
    }

    @Test
    void dueSoonWithinTheWindowKeyedByTheDueDate() {
        LocalDate due = LocalDate.of(2023, 12, 31);
        assertTrue(ReminderRule.dueSoonKey(MeasureStatus.PLANNED, due, due.minusDays(31), Period.ofDays(30)).isEmpty());
        assertEquals(Optional.of("due 2023-12-31"),
                ReminderRule.dueSoonKey(MeasureStatus.PLANNED, due, due.minusDays(30), Period.ofDays(30)));
        assertTrue(ReminderRule.dueSoonKey(MeasureStatus.PLANNED, due, due.plusDays(1), Period.ofDays(30)).isEmpty());
        assertTrue(ReminderRule.dueSoonKey(MeasureStatus.CANCELLED, due, due, Period.ofDays(30)).isEmpty());
    }
}
