package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.LoggedEvent;
import se.region.governance.reports.domain.ReportCompiler;
import se.region.governance.reports.domain.ReportSections;
import se.region.governance.reports.domain.ReportPeriod;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay of the stored log: events as they were published, and a rebuild replayed from it compiles the same report. */
@QuarkusTest
class EventLogReplayTest {

    @Inject
    EventLog log;
    @Inject
    ObjectMapper json;

    @Test
    void theReplayedEventsAreThePublishedOnesAndTheNarrowRebuildCompilesTheSameReport() throws Exception {
        Section183 plan = new Section183();
        List<Section183.Event> events = new ArrayList<>(plan.all());
        events.add(plan.lateUpdate("2023-06-01", "Med ”citat”, \\ och \n radbrytning"));
        events.add(plan.lateUpdate("2024-01-15", "Efter rapportdagen"));
        Broker.publish(events);
        Broker.await("the events applied", Duration.ofSeconds(45), () -> events.stream().allMatch(e -> log.entry(e.id()) != null));

        Map<String, LoggedEvent> logged = log.eventsUpTo(plan.planId, LocalDate.of(9999, 12, 31)).stream()
                .collect(Collectors.toMap(LoggedEvent::id, Function.identity()));
        for (Section183.Event e : events) {
            LoggedEvent l = logged.get(e.id());
            assertEquals(e.data(), l.data(), e.type());
            assertEquals(e.time(), l.time(), e.type());
            assertEquals(e.type(), l.type());
            assertEquals(e.topic(), l.topic());
            assertEquals(log.entry(e.id()).get("effectiveDate"), l.effectiveDate());
        }

        ReportPeriod period = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), LocalDate.parse("2023-08-31"));
        AsOfState replayed = AsOfState.empty(plan.planId, period.asOf());
        int applied = log.replayUpTo(plan.planId, period.asOf(), replayed::applyNext);
        List<LoggedEvent> whole = log.eventsUpTo(plan.planId, period.asOf());
        assertEquals(whole.size(), applied);
        ReportSections expected = new ReportCompiler().compile(AsOfState.rebuild(plan.planId, period.asOf(), whole), period);
        assertEquals(expected, new ReportCompiler().compile(replayed, period));
        assertTrue(json.writeValueAsString(expected).contains("Med ”citat”, \\\\ och \\n radbrytning"), "the update in the period is in it");
    }
}
