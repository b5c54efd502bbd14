package se.region.governance.reports.infrastructure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.domain.AsOfState;
import se.region.governance.reports.domain.LoggedEvent;
import se.region.governance.reports.domain.ReportCompiler;
import se.region.governance.reports.domain.ReportPeriod;
import se.region.governance.reports.testing.Broker;
import se.region.governance.reports.testing.Section183;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay of the stored log: events as they were published, and a rebuild from the narrowly read data compiles the same bytes. */
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

        Map<String, LoggedEvent> replayed = log.eventsUpTo(plan.planId, LocalDate.of(9999, 12, 31)).stream()
                .collect(Collectors.toMap(LoggedEvent::id, Function.identity()));
        for (Section183.Event e : events) {
            LoggedEvent l = replayed.get(e.id());
            assertEquals(e.data(), l.data(), e.type());
            assertEquals(e.time(), l.time(), e.type());
            assertEquals(e.type(), l.type());
            assertEquals(e.topic(), l.topic());
            assertEquals(log.entry(e.id()).get("effectiveDate"), l.effectiveDate());
        }

        ReportPeriod period = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), LocalDate.parse("2023-08-31"));
        AsOfState narrow = AsOfState.empty(plan.planId, period.asOf());
        int applied = log.replayUpTo(plan.planId, period.asOf(), AsOfState.MEMBERS_READ, narrow::applyNext);
        List<LoggedEvent> whole = log.eventsUpTo(plan.planId, period.asOf());
        assertEquals(whole.size(), applied);
        String expected = written(AsOfState.rebuild(plan.planId, period.asOf(), whole), period);
        assertEquals(expected, written(narrow, period));
        // the register's and the plan's events read and applied as two parts (as a compile does, on two threads)
        AsOfState split = AsOfState.empty(plan.planId, period.asOf());
        java.util.concurrent.CompletableFuture<Integer> register = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> log.readUpTo(plan.planId, period.asOf(), EventLog.Part.REGISTER).apply(AsOfState.MEMBERS_READ, split.registerFeed()));
        int planEvents = log.readUpTo(plan.planId, period.asOf(), EventLog.Part.PLAN).apply(AsOfState.MEMBERS_READ, split.planFeed());
        assertTrue(planEvents > 0, "the plan's events are a part of their own");
        assertEquals(applied, planEvents + register.join());
        assertEquals(expected, written(split, period));
        assertTrue(expected.contains("Med ”citat”, \\\\ och \\n radbrytning"), "the update in the period is in it");
    }

    private String written(AsOfState state, ReportPeriod period) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = json.createGenerator(out)) {
            new ReportCompiler(json).write(state, period, g);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
