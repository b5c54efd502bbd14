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

        assertEquals(json.valueToTree(new ReportCompiler(json).compile(AsOfState.rebuild(plan.planId, period.asOf(), log), period)),
                json.valueToTree(new ReportCompiler(json).compile(replayed, period)));
        assertEquals(1, replayed.measures.get(plan.measureIds[2]).updates.size(), "the update after the date is ignored");
    }

    @Test
    void theWrittenSectionsAreTheCompiledSectionsSerialized() throws Exception {
        List<Section183.Event> events = new ArrayList<>(plan.all());
        for (int i = 0; i < 3; i++) {
            events.add(plan.lateUpdate("2023-0" + (i + 2) + "-01", "Uppföljning " + i + " med ”citat” och \\ tecken"));
        }
        AsOfState state = AsOfState.rebuild(plan.planId, period.asOf(), new InMemoryLog().appendAll(events).events());
        java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = json.createGenerator(written)) {
            new ReportCompiler(json).write(state, period, g);
        }
        assertEquals(json.writeValueAsString(new ReportCompiler(json).compile(state, period)), written.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theRegistersAndThePlansEventsFedApartRebuildTheSameState() {
        List<LoggedEvent> log = new InMemoryLog().appendAll(plan.all()).events().stream().sorted(AsOfState.ORDER).toList();
        AsOfState apart = AsOfState.empty(plan.planId, period.asOf());
        log.stream().filter(e -> !EventTypes.DOCUMENTS_TOPIC.equals(e.topic())).forEach(apart.planFeed());
        log.stream().filter(e -> EventTypes.DOCUMENTS_TOPIC.equals(e.topic())).forEach(apart.registerFeed());
        assertEquals(json.valueToTree(new ReportCompiler(json).compile(AsOfState.rebuild(plan.planId, period.asOf(), log), period)),
                json.valueToTree(new ReportCompiler(json).compile(apart, period)));
        LoggedEvent planEvent = log.stream().filter(e -> EventTypes.PLANS_TOPIC.equals(e.topic())).findFirst().orElseThrow();
        LoggedEvent documentEvent = log.stream().filter(e -> EventTypes.DOCUMENTS_TOPIC.equals(e.topic())).findFirst().orElseThrow();
        AsOfState state = AsOfState.empty(plan.planId, period.asOf());
        assertThrows(IllegalArgumentException.class, () -> state.registerFeed().accept(planEvent));
        assertThrows(IllegalArgumentException.class, () -> state.planFeed().accept(documentEvent));
    }

    @Test
    void anEventOutOfOrderIsRefused() {
        List<LoggedEvent> log = new InMemoryLog().appendAll(plan.all()).events().stream().sorted(AsOfState.ORDER).toList();
        AsOfState state = AsOfState.empty(plan.planId, period.asOf());
        state.applyNext(log.get(1));
        assertThrows(IllegalStateException.class, () -> state.applyNext(log.get(0)));
        assertThrows(IllegalStateException.class, () -> state.applyNext(log.get(1)), "nor the same event twice");
    }
}
