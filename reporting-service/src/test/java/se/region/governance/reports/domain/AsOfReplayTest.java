package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.testing.InMemoryLog;
import se.region.governance.reports.testing.Section183;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A rebuild fed one event at a time in {@link AsOfState#ORDER} (as the event log replays it) equals the rebuild from a list. */
class AsOfReplayTest {

    final Section183 plan = new Section183();
    final ObjectMapper json = new ObjectMapper();
    final ReportPeriod period = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), LocalDate.parse("2023-08-31"));

    @Test
    void replayingInOrderCompilesTheSameReportAsRebuildingFromTheList() {
        List<Section183.Event> events = new ArrayList<>(plan.all());
        events.add(plan.lateUpdate("2023-06-01", "Inom perioden"));
        events.add(plan.lateUpdate("2024-01-15", "Efter rapportdagen"));
        List<LoggedEvent> log = new InMemoryLog().appendAll(events).events();

        AsOfState replayed = AsOfState.empty(plan.planId, period.asOf());
        log.stream().sorted(AsOfState.ORDER).forEach(replayed::applyNext);

        assertEquals(new ReportCompiler().compile(AsOfState.rebuild(plan.planId, period.asOf(), log), period),
                new ReportCompiler().compile(replayed, period));
        assertEquals(1, replayed.measures.get(plan.measureIds[2]).updates.size(), "the update after the date is ignored");
    }
}
