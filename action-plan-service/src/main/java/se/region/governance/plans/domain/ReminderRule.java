package se.region.governance.plans.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * When a measure is reminded of, and under which key, so that each reminder goes out at most once
 * per measure and period.
 * <ul>
 *   <li>update-overdue: an open measure whose latest update (or, before the first, its start or
 *       creation date) is at least one period old. The key names that date and how many whole
 *       periods have passed: one reminder after 90 days without an update, another after 180.</li>
 *   <li>due-soon: an open measure whose due date is today or within the window. The key is the due
 *       date: a moved due date is reminded of again.</li>
 * </ul>
 */
public final class ReminderRule {

    public static final String UPDATE_OVERDUE = "update-overdue";
    public static final String DUE_SOON = "due-soon";

    private ReminderRule() {
    }

    /** The period key of an update-overdue reminder due on {@code today}, if any. */
    public static Optional<String> updateOverdueKey(MeasureStatus status, LocalDate since, LocalDate today, Period period) {
        if (!status.isOpen() || since == null || period.isZero() || period.isNegative()) {
            return Optional.empty();
        }
        int periods = 0;
        LocalDate next = since.plus(period);
        while (!next.isAfter(today) && periods < 10_000) {
            periods++;
            next = since.plus(period.multipliedBy(periods + 1));
        }
        return periods == 0 ? Optional.empty() : Optional.of(since + "+" + periods + "x" + period);
    }

    /** The period key of a due-soon reminder due on {@code today}, if any. */
    public static Optional<String> dueSoonKey(MeasureStatus status, LocalDate dueDate, LocalDate today, Period window) {
        if (!status.isOpen() || dueDate == null || dueDate.isBefore(today) || dueDate.isAfter(today.plus(window))) {
            return Optional.empty();
        }
        return Optional.of("due " + dueDate);
    }
}
