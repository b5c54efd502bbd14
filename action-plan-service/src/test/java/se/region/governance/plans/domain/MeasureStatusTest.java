package se.region.governance.plans.domain;

import org.junit.jupiter.api.Test;
import se.region.governance.commons.problem.DomainException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.region.governance.plans.domain.MeasureStatus.BLOCKED;
import static se.region.governance.plans.domain.MeasureStatus.CANCELLED;
import static se.region.governance.plans.domain.MeasureStatus.DONE;
import static se.region.governance.plans.domain.MeasureStatus.IN_PROGRESS;
import static se.region.governance.plans.domain.MeasureStatus.PLANNED;

class MeasureStatusTest {

    @Test
    void allowedTransitions() {
        assertTrue(PLANNED.canMoveTo(IN_PROGRESS));
        assertTrue(IN_PROGRESS.canMoveTo(BLOCKED));
        assertTrue(BLOCKED.canMoveTo(IN_PROGRESS));
        assertTrue(IN_PROGRESS.canMoveTo(DONE));
        assertTrue(DONE.canMoveTo(IN_PROGRESS), "a done measure may be reopened");
        assertTrue(IN_PROGRESS.canMoveTo(IN_PROGRESS), "an update may keep the status");
        assertFalse(BLOCKED.canMoveTo(DONE), "a blocked measure resumes before it is done");
        assertFalse(DONE.canMoveTo(PLANNED));
        assertFalse(IN_PROGRESS.canMoveTo(PLANNED));
        for (MeasureStatus s : MeasureStatus.values()) {
            if (s != CANCELLED) {
                assertFalse(CANCELLED.canMoveTo(s), "cancelled is final");
            }
        }
        assertEquals(List.of(PLANNED, IN_PROGRESS, BLOCKED),
                List.of(MeasureStatus.values()).stream().filter(MeasureStatus::isOpen).toList());
    }

    @Test
    void anIllegalTransitionNamesCurrentAndAllowed() {
        Measure m = Measure.create(UUID.randomUUID(), UUID.randomUUID(), "1", "Plan", "HR", OffsetDateTime.now());
        m.moveTo(IN_PROGRESS);
        m.moveTo(BLOCKED);
        InvalidTransition e = assertThrows(InvalidTransition.class, () -> m.moveTo(DONE));
        assertEquals(DomainException.Kind.CONFLICT, e.kind());
        assertEquals("BLOCKED", e.properties().get("currentStatus"));
        assertEquals(List.of("CANCELLED", "IN_PROGRESS"), e.properties().get("allowed"));
        assertEquals(BLOCKED, m.status);
    }

    @Test
    void theLatestUpdateByDateSetsTheState() {
        Measure m = Measure.create(UUID.randomUUID(), UUID.randomUUID(), "1", "Plan", "HR", OffsetDateTime.now());
        assertTrue(m.report(LocalDate.of(2023, 3, 1), IN_PROGRESS, 30));
        assertFalse(m.report(LocalDate.of(2023, 2, 1), DONE, 100), "an older update only joins the history");
        assertEquals(IN_PROGRESS, m.status);
        assertEquals(30, m.progress);
        assertEquals(LocalDate.of(2023, 3, 1), m.lastUpdateOn);
    }

    @Test
    void planTransitions() {
        assertTrue(PlanStatus.ACTIVE.canMoveTo(PlanStatus.COMPLETED));
        assertTrue(PlanStatus.COMPLETED.canMoveTo(PlanStatus.ACTIVE));
        assertFalse(PlanStatus.CANCELLED.canMoveTo(PlanStatus.ACTIVE));
    }
}
