package se.region.governance.plans.domain;

import org.junit.jupiter.api.Test;
import se.region.governance.plans.domain.ProgressRollup.Node;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressRollupTest {

    final UUID m1 = UUID.randomUUID();
    final UUID m2 = UUID.randomUUID();
    final UUID m21 = UUID.randomUUID();
    final UUID m22 = UUID.randomUUID();
    final UUID m221 = UUID.randomUUID();

    @Test
    void aParentRollsUpFromItsChildrenWeighted() {
        ProgressRollup r = new ProgressRollup(List.of(
                new Node(m1, null, 40, 1, MeasureStatus.IN_PROGRESS),
                new Node(m2, null, 0, 1, MeasureStatus.IN_PROGRESS),     // own progress ignored: it has children
                new Node(m21, m2, 100, 3, MeasureStatus.DONE),
                new Node(m22, m2, 20, 1, MeasureStatus.IN_PROGRESS)));
        assertEquals(80, r.progressOf(m2)); // (3*100 + 1*20) / 4
        assertEquals(40, r.progressOf(m1));
        assertEquals(60, r.overall());      // (40 + 80) / 2
        assertTrue(r.hasChildren(m2));
    }

    @Test
    void withReplacesOneMeasuresOwnValuesAndLeavesTheOriginal() {
        ProgressRollup after = new ProgressRollup(List.of(
                new Node(m2, null, 0, 1, MeasureStatus.IN_PROGRESS),
                new Node(m21, m2, 100, 3, MeasureStatus.DONE),
                new Node(m22, m2, 20, 1, MeasureStatus.IN_PROGRESS)));
        ProgressRollup before = after.with(new Node(m21, m2, 60, 3, MeasureStatus.IN_PROGRESS));
        assertEquals(50, before.progressOf(m2)); // (3*60 + 1*20) / 4
        assertEquals(80, after.progressOf(m2));  // (3*100 + 1*20) / 4
    }

    @Test
    void rollUpGoesThroughEveryLevelAndSkipsCancelled() {
        ProgressRollup r = new ProgressRollup(List.of(
                new Node(m2, null, 0, 1, MeasureStatus.IN_PROGRESS),
                new Node(m21, m2, 50, 1, MeasureStatus.IN_PROGRESS),
                new Node(m22, m2, 0, 1, MeasureStatus.IN_PROGRESS),
                new Node(m221, m22, 100, 1, MeasureStatus.DONE),
                new Node(m1, m2, 0, 5, MeasureStatus.CANCELLED)));
        assertEquals(100, r.progressOf(m22));
        assertEquals(75, r.progressOf(m2));
        assertEquals(List.of(m221, m22, m2), r.withAncestors(m221));
    }

    @Test
    void zeroWeightsAverageAndAnEmptyPlanIsZero() {
        ProgressRollup r = new ProgressRollup(List.of(
                new Node(m1, null, 10, 0, MeasureStatus.IN_PROGRESS),
                new Node(m2, null, 30, 0, MeasureStatus.IN_PROGRESS)));
        assertEquals(20, r.overall());
        assertEquals(0, new ProgressRollup(List.of()).overall());
    }
}
