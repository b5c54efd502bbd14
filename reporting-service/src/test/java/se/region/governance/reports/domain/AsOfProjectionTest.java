package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import se.region.governance.reports.testing.InMemoryLog;
import se.region.governance.reports.testing.Section183;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state as of a date, rebuilt from back-dated events (registered today, dated 2022–2024). */
class AsOfProjectionTest {

    final Section183 plan = new Section183();
    final List<LoggedEvent> log = new InMemoryLog().appendAll(plan.all()).events();
    final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A compiled section as JSON, as the API answers it. */
    record Section(String key, String title, String body, JsonNode items) {
    }

    List<Section> compile(AsOfState state, ReportPeriod period) {
        List<Section> sections = new java.util.ArrayList<>();
        for (JsonNode s : json.valueToTree(new ReportCompiler().compile(state, period))) {
            sections.add(new Section(s.path("key").asText(), s.path("title").asText(), s.path("body").asText(), s.path("items")));
        }
        return sections;
    }

    AsOfState at(String date) {
        return AsOfState.rebuild(plan.planId, LocalDate.parse(date), log);
    }

    @Test
    void beforeTheDecisionNothingOfThePlanExists() {
        AsOfState s = at("2022-08-16");
        assertNull(s.plan);
        assertTrue(s.orderedMeasures().isEmpty());
        assertEquals("ADOPTED", s.documents.get(plan.delegationsordning).status, "adopted 2022-01-01, review from 2022-08-17");
        assertFalse(s.documents.containsKey(plan.styrmodell), "created today, first dated step 2023-06-21");
    }

    @Test
    void onTheDecisionDayTheFourMeasuresArePlanned() {
        AsOfState s = at("2022-08-17");
        assertEquals("Tillitsbaserad styrning och ledning på alla nivåer", s.plan.path("title").asText());
        assertEquals(List.of("1", "2", "3", "4"), s.orderedMeasures().stream().map(m -> m.getValue().view.path("code").asText()).toList());
        s.orderedMeasures().forEach(m -> assertEquals("PLANNED", m.getValue().status));
    }

    @Test
    void august2023ShowsTheUpdatesUpToThenAndTheDocumentsOfThen() {
        AsOfState s = at("2023-08-31");
        AsOfState.MeasureState m1 = s.measures.get(plan.measureIds[0]);
        assertEquals("BLOCKED", m1.status);
        assertEquals(20, m1.progress);
        assertEquals(1, m1.updates.size(), "the October update is not known yet");
        assertEquals(1, m1.collaborations.size());
        assertEquals("IN_PROGRESS", s.measures.get(plan.measureIds[3]).status);
        assertEquals(60, s.measures.get(plan.measureIds[3]).progress);
        assertEquals("PLANNED", s.measures.get(plan.measureIds[1]).status, "done only in 2024");
        assertEquals("ADOPTED", s.documents.get(plan.styrmodell).status);
        assertEquals("IN_CONSULTATION", s.documents.get(plan.personalpolicy).status, "remiss to 2023-11-30 counts from 2023-08-30");
        assertEquals("UNDER_REVIEW", s.documents.get(plan.delegationsordning).status, "review registered today, startedOn 2022-08-17");
        assertEquals("DRAFT", s.documents.get(plan.regionplan).status, "registered today, draftingSince 2023-05-01");
        assertFalse(s.documents.containsKey(plan.undatedDraft), "an undated draft counts from its registration");
    }

    @Test
    void aDraftCountsFromDraftingSinceAndAReviewFromStartedOnNotFromTheirRegistration() {
        ReportPeriod period = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), LocalDate.parse("2023-08-31"));
        JsonNode documents = compile(at("2023-08-31"), period).get(1).items();
        assertEquals("DRAFTING", find(documents, "documentId", plan.regionplan).path("category").asText());
        assertEquals("Under framtagande", find(documents, "documentId", plan.regionplan).path("categoryLabel").asText());
        assertEquals("UNDER_REVIEW", find(documents, "documentId", plan.delegationsordning).path("category").asText());
        assertEquals("Under översyn", find(documents, "documentId", plan.delegationsordning).path("categoryLabel").asText());
        assertNull(find(documents, "documentId", plan.undatedDraft), "no start date: it exists from its registration (today)");

        // not before those dates: the plan did not exist the day before its drafting began, the review had not started
        assertEquals("DRAFT", at("2023-05-01").documents.get(plan.regionplan).status);
        assertFalse(at("2023-04-30").documents.containsKey(plan.regionplan));
        assertEquals("UNDER_REVIEW", at("2022-08-17").documents.get(plan.delegationsordning).status);
        assertEquals("ADOPTED", at("2022-08-16").documents.get(plan.delegationsordning).status);
        ReportPeriod spring = new ReportPeriod(LocalDate.parse("2022-01-01"), LocalDate.parse("2022-08-16"), null);
        JsonNode before = compile(at("2022-08-16"), spring).get(1).items();
        assertNull(find(before, "documentId", plan.regionplan));
        assertEquals("ADOPTED", find(before, "documentId", plan.delegationsordning).path("category").asText(),
                "adopted (placeholder 2022-01-01) within that period, not under review yet");
    }

    @Test
    void todayShowsEverything() {
        AsOfState s = at(LocalDate.now().plusDays(1).toString());
        assertEquals(50, s.measures.get(plan.measureIds[0]).progress);
        assertEquals("IN_PROGRESS", s.measures.get(plan.measureIds[0]).status);
        assertEquals("DONE", s.measures.get(plan.measureIds[1]).status);
        assertEquals("UNDER_REVIEW", s.documents.get(plan.delegationsordning).status);
        assertEquals("DRAFT", s.documents.get(plan.regionplan).status);
    }

    @Test
    void theOrderOfArrivalDoesNotChangeThePicture() {
        List<Section183.Event> events = new ArrayList<>(plan.planEvents());
        // updates registered out of date order: the later-dated one first
        Section183.Event late = plan.lateUpdate("2023-07-01", "Sent daterad");
        Section183.Event early = plan.lateUpdate("2023-02-01", "Tidigt daterad");
        events.add(late);
        events.add(early);
        List<LoggedEvent> reordered = new InMemoryLog().appendAll(events).events();
        AsOfState s = AsOfState.rebuild(plan.planId, LocalDate.parse("2023-08-31"), reordered);
        AsOfState.MeasureState m3 = s.measures.get(plan.measureIds[2]);
        assertEquals(List.of("Tidigt daterad", "Sent daterad"), m3.updates.stream().map(u -> u.view().path("text").asText()).toList());
        List<LoggedEvent> shuffled = new ArrayList<>(reordered);
        Collections.reverse(shuffled);
        assertEquals(m3.updates.size(), AsOfState.rebuild(plan.planId, LocalDate.parse("2023-08-31"), shuffled)
                .measures.get(plan.measureIds[2]).updates.size());
    }

    @Test
    void otherPlansEventsAreIgnored() {
        Section183 other = new Section183();
        List<LoggedEvent> both = new InMemoryLog().appendAll(plan.all()).appendAll(other.planEvents()).events();
        assertEquals(4, AsOfState.rebuild(plan.planId, LocalDate.parse("2023-08-31"), both).orderedMeasures().size());
    }

    @Test
    void theCompiledReportOfAugust2023ReproducesTheOriginalsShape() {
        ReportPeriod period = new ReportPeriod(LocalDate.parse("2023-01-01"), LocalDate.parse("2023-08-31"), LocalDate.parse("2023-08-31"));
        List<Section> sections = compile(at("2023-08-31"), period);
        assertEquals(List.of("background", "documents", "measures", "examples", "next-steps", "principles"),
                sections.stream().map(Section::key).toList());
        Map<String, Section> byKey = new java.util.HashMap<>();
        sections.forEach(s -> byKey.put(s.key(), s));

        assertTrue(byKey.get("background").body().contains("tillit, medborgarfokus, helhetssyn, handlingsutrymme, stöd, kunskap och öppenhet"));
        assertTrue(byKey.get("background").body().contains("Regionstyrelsen beslutade 2022-08-17, § 183"), byKey.get("background").body());

        JsonNode modell = find(byKey.get("documents").items(), "documentId", plan.styrmodell);
        assertEquals("RS342/2022-" + plan.suffix + ", regionfullmäktige 2023-06-21 § 72", modell.path("decisionReference").asText());
        assertEquals("ADOPTED", modell.path("category").asText());
        assertEquals("IN_CONSULTATION", find(byKey.get("documents").items(), "documentId", plan.personalpolicy).path("category").asText());
        assertEquals("UNDER_REVIEW", find(byKey.get("documents").items(), "documentId", plan.delegationsordning).path("category").asText(),
                "regionstyrelsen decided the review 2022-08-17");
        assertEquals("DRAFTING", find(byKey.get("documents").items(), "documentId", plan.regionplan).path("category").asText());
        assertEquals(2, modell.path("provenance").size(), "created and adopted");

        JsonNode m1 = find(byKey.get("measures").items(), "measureId", plan.measureIds[0]);
        assertEquals("BLOCKED", m1.path("status").asText());
        assertEquals(1, m1.path("updates").size());
        assertEquals("Vision", m1.path("collaborations").get(0).path("parties").get(0).asText());
        // created, and the update of 2023-03-15 its status comes from; the update names its own event
        assertEquals(List.of("actionplan.measure.created", "actionplan.progress.reported"),
                java.util.stream.StreamSupport.stream(m1.path("provenance").spliterator(), false).map(p -> p.path("type").asText()).toList());
        assertEquals(m1.path("provenance").get(1).path("eventId"), m1.path("updates").get(0).path("provenance").get(0).path("eventId"));
        assertEquals("2023-03-15", m1.path("provenance").get(1).path("effectiveDate").asText());

        assertEquals(2, byKey.get("examples").items().size());
        assertTrue(byKey.get("examples").items().toString().contains("chefens meny"));

        JsonNode open = find(byKey.get("next-steps").items(), "measureId", plan.measureIds[0]);
        assertEquals("Återuppta UL-utbildningen under hösten 2023.", open.path("nextSteps").asText());
        assertNotNullNode(find(byKey.get("next-steps").items(), "documentId", plan.personalpolicy)); // remiss deadline ahead
        assertNotNullNode(find(byKey.get("next-steps").items(), "documentId", plan.delegationsordning)); // review due 2024-06-30

        JsonNode trust = find(byKey.get("principles").items(), "principle", "TRUST");
        assertEquals(3, trust.path("documents").asInt(), "styrmodell, personalpolitisk policy and regionplan (drafted)");
        assertEquals(1, trust.path("measures").asInt());
        assertEquals(7, byKey.get("principles").items().size());
    }

    @Test
    void anEarlierPeriodHasNoneOfTheseExamples() {
        ReportPeriod period = new ReportPeriod(LocalDate.parse("2022-08-17"), LocalDate.parse("2022-12-31"), null);
        List<Section> sections = compile(at("2022-12-31"), period);
        assertEquals(0, sections.get(3).items().size());
        // of the register, only the delegation order: under review since regionstyrelsen's decision of 2022-08-17
        assertEquals(List.of(plan.delegationsordning), java.util.stream.StreamSupport.stream(sections.get(1).items().spliterator(), false)
                .map(i -> i.path("documentId").asText()).toList(), sections.get(1).items().toString());
    }

    static void assertNotNullNode(JsonNode n) {
        assertTrue(n != null && !n.isMissingNode());
    }

    static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode i : items) {
            if (value.equals(i.path(field).asText())) {
                return i;
            }
        }
        return null;
    }
}
