package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.DocumentState;
import se.region.governance.reports.domain.AsOfState.MeasureState;
import se.region.governance.reports.domain.ReportSections.Background;
import se.region.governance.reports.domain.ReportSections.BackgroundItem;
import se.region.governance.reports.domain.ReportSections.CollaborationEntry;
import se.region.governance.reports.domain.ReportSections.ExampleItem;
import se.region.governance.reports.domain.ReportSections.Examples;
import se.region.governance.reports.domain.ReportSections.MeasureItem;
import se.region.governance.reports.domain.ReportSections.MeasureTitle;
import se.region.governance.reports.domain.ReportSections.Measures;
import se.region.governance.reports.domain.ReportSections.MeasuresItem;
import se.region.governance.reports.domain.ReportSections.NextStepItem;
import se.region.governance.reports.domain.ReportSections.NextSteps;
import se.region.governance.reports.domain.ReportSections.OpenMeasure;
import se.region.governance.reports.domain.ReportSections.PlanCollaboration;
import se.region.governance.reports.domain.ReportSections.PlanDecision;
import se.region.governance.reports.domain.ReportSections.PrincipleItem;
import se.region.governance.reports.domain.ReportSections.PrincipleName;
import se.region.governance.reports.domain.ReportSections.Principles;
import se.region.governance.reports.domain.ReportSections.UpdateEntry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compiles the sections of a follow-up report from the state as of its date, in the shape of the region's
 * hand-written report of August 2023 (docs/domain.md): background, governing documents, measures, concrete examples,
 * next steps, principles. Every item names the events it was built from.
 */
public final class ReportCompiler {

    static final String SKR_DEFINITION = "Tillitsbaserad styrning har sin grund i vad SKR beskriver som ”styrning, kultur och "
            + "arbetssätt med fokus på verksamhetens syfte och medborgarens behov, där varje beslutsnivå aktivt verkar för "
            + "att stimulera samverkan och helhetsperspektiv, bygga tillitsfulla relationer och säkerställa att medarbetaren "
            + "kan, vill och vågar hjälpa medborgaren.” Arbetet mot en mer tillitsbaserad ledning och styrning bygger på de "
            + "sju principerna: tillit, medborgarfokus, helhetssyn, handlingsutrymme, stöd, kunskap och öppenhet.";

    private final DocumentSection documents = new DocumentSection();

    public ReportSections compile(AsOfState state, ReportPeriod period) {
        List<Map.Entry<String, MeasureState>> measures = state.orderedMeasures();
        return new ReportSections(background(state, measures), documents.section(state, period),
                measureSection(state, period, measures), examples(period, measures), nextSteps(state, measures),
                principles(state, measures));
    }

    private Background background(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        StringBuilder body = new StringBuilder(SKR_DEFINITION).append("\n\n");
        List<BackgroundItem> items = new ArrayList<>();
        if (state.plan == null) {
            body.append("Planen var inte beslutad per ").append(state.asOf).append('.');
        } else {
            JsonNode decision = state.plan.path("decision");
            body.append(capitalize(SwedishTerms.body(decision))).append(" beslutade ").append(decision.path("date").asText(""))
                    .append(", ").append(decision.path("paragraph").asText("")).append(", om planen ”")
                    .append(state.plan.path("title").asText()).append("” med ").append(measures.size())
                    .append(measures.size() == 1 ? " åtgärd." : " åtgärder.");
            items.add(new PlanDecision(null, state.plan.path("title").asText(),
                    SwedishTerms.decisionReference(decision.path("diaryNumber").asText(null), decision),
                    state.plan.path("ownerUnit").asText(null), List.copyOf(state.planProvenance)));
        }
        for (Principle p : Principle.values()) {
            items.add(new PrincipleName(null, p.name(), SwedishTerms.principle(p)));
        }
        for (Map.Entry<String, MeasureState> m : measures) {
            JsonNode view = m.getValue().view;
            items.add(new MeasureTitle(null, m.getKey(), view.path("code").asText(), view.path("title").asText(),
                    List.of(m.getValue().provenance.get(0))));
        }
        return new Background(null, "Bakgrund", body.toString(), items);
    }

    private Measures measureSection(AsOfState state, ReportPeriod period, List<Map.Entry<String, MeasureState>> measures) {
        List<MeasuresItem> items = new ArrayList<>();
        int updates = 0;
        int collaborations = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            List<UpdateEntry> inPeriod = m.updates.stream().filter(d -> period.contains(d.date())).map(ReportCompiler::update).toList();
            List<CollaborationEntry> held = m.collaborations.stream().filter(d -> period.contains(d.date()))
                    .map(ReportCompiler::collaboration).toList();
            updates += inPeriod.size();
            collaborations += held.size();
            // the measure's own events and the update its status and progress come from; each update and
            // collaboration names its own event
            List<Provenance> sources = new ArrayList<>(m.measureEvents);
            if (m.latestUpdate() != null) {
                sources.add(m.latestUpdate().provenance());
            }
            items.add(new MeasureItem(entry.getKey(), m.view.path("code").asText(), m.view.path("title").asText(), m.status,
                    SwedishTerms.measureStatus(m.status), m.progress, m.view.path("responsibleUnit").asText(null),
                    m.view.path("startDate").asText(null), m.view.path("dueDate").asText(null), inPeriod, held,
                    texts(m.view.path("documentIds")), sources));
        }
        for (Dated d : state.planCollaborations) {
            if (period.contains(d.date())) {
                CollaborationEntry c = collaboration(d);
                items.add(new PlanCollaboration(null, c.date(), c.measureId(), c.parties(), c.form(), c.outcome(), c.provenance()));
                collaborations++;
            }
        }
        Map<String, Long> byStatus = new TreeMap<>();
        measures.forEach(m -> byStatus.merge(SwedishTerms.measureStatus(m.getValue().status), 1L, Long::sum));
        StringBuilder body = new StringBuilder("Per ").append(state.asOf).append(" har planen ").append(measures.size())
                .append(measures.size() == 1 ? " åtgärd" : " åtgärder");
        if (!byStatus.isEmpty()) {
            List<String> counts = new ArrayList<>();
            byStatus.forEach((s, n) -> counts.add(n + " " + s));
            body.append(" (").append(String.join(", ", counts)).append(')');
        }
        body.append(". Under perioden ").append(period.from()).append("–").append(period.to()).append(" rapporterades ")
                .append(updates).append(updates == 1 ? " uppföljning" : " uppföljningar").append(" och ")
                .append(collaborations).append(collaborations == 1 ? " samverkanstillfälle" : " samverkanstillfällen")
                .append(" med medarbetare och fackliga organisationer.");
        return new Measures(null, "Åtgärder och uppföljning", body.toString(), items);
    }

    private static UpdateEntry update(Dated d) {
        JsonNode u = d.view();
        return new UpdateEntry(d.date(), u.path("status").asText(null), u.path("progress").isNumber() ? u.path("progress").asInt() : null,
                u.path("author").asText(null), u.path("text").asText(null), u.path("obstacles").asText(null),
                u.path("nextSteps").asText(null), u.path("example").isBoolean() ? u.path("example").asBoolean() : null,
                List.of(d.provenance()));
    }

    private static CollaborationEntry collaboration(Dated d) {
        JsonNode c = d.view();
        return new CollaborationEntry(d.date(), c.path("measureId").asText(null), texts(c.path("parties")),
                c.path("form").asText(null), c.path("outcome").asText(null), List.of(d.provenance()));
    }

    private Examples examples(ReportPeriod period, List<Map.Entry<String, MeasureState>> measures) {
        List<ExampleItem> items = new ArrayList<>();
        for (Map.Entry<String, MeasureState> entry : measures) {
            JsonNode view = entry.getValue().view;
            for (Dated d : entry.getValue().updates) {
                if (period.contains(d.date()) && d.view().path("example").asBoolean(false)) {
                    items.add(new ExampleItem(entry.getKey(), view.path("code").asText(), view.path("title").asText(), d.date(),
                            d.view().path("text").asText(""), List.of(d.provenance())));
                }
            }
        }
        int count = items.size();
        String body = count == 0 ? "Inga uppföljningar under perioden är markerade som konkreta exempel."
                : count + (count == 1 ? " uppföljning" : " uppföljningar")
                + " under perioden visar hur en tillitsbaserad styrning omsatts i praktiken.";
        return new Examples(null, "Konkreta exempel på hur en tillitsbaserad styrning omsatts i praktiken", body, items);
    }

    private static boolean open(MeasureState m) {
        return !"DONE".equals(m.status) && !"CANCELLED".equals(m.status);
    }

    private NextSteps nextSteps(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        List<NextStepItem> items = new ArrayList<>();
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            if (!open(m)) {
                continue;
            }
            LocalDate due = EffectiveDates.date(m.view.path("dueDate"));
            Dated last = m.latestUpdate();
            items.add(new OpenMeasure(null, entry.getKey(), m.view.path("code").asText(), m.view.path("title").asText(), m.status,
                    SwedishTerms.measureStatus(m.status), m.progress, m.view.path("dueDate").asText(null),
                    due != null && due.isBefore(state.asOf), last == null ? null : last.view().path("nextSteps").asText(null),
                    last == null ? List.of(m.provenance.get(0)) : List.of(last.provenance())));
        }
        int open = items.size();
        List<ReportSections.Coming> coming = documents.comingReviewsAndDeadlines(state);
        items.addAll(coming);
        String body = "Per " + state.asOf + " är " + open + (open == 1 ? " åtgärd" : " åtgärder")
                + " inte avslutade. " + coming.size() + " styrdokument har kommande översyn eller remisstid.";
        return new NextSteps(null, "Vad händer härnäst?", body, items);
    }

    private Principles principles(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        List<PrincipleItem> items = new ArrayList<>();
        for (Principle p : Principle.values()) {
            List<String> documentIds = new ArrayList<>();
            List<String> measureIds = new ArrayList<>();
            List<Provenance> provenance = new ArrayList<>();
            // documents first, then measures
            for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
                DocumentState d = e.getValue();
                if (d.view != null && documents.inForceOrInPreparation(d) && names(d.view.path("principles"), p)) {
                    documentIds.add(e.getKey());
                    provenance.add(d.provenance.get(d.provenance.size() - 1));
                }
            }
            for (Map.Entry<String, MeasureState> m : measures) {
                if (names(m.getValue().view.path("principles"), p)) {
                    measureIds.add(m.getKey());
                    provenance.add(m.getValue().provenance.get(m.getValue().provenance.size() - 1));
                }
            }
            items.add(new PrincipleItem(p.name(), SwedishTerms.principle(p), documentIds.size(), measureIds.size(), documentIds, measureIds,
                    provenance));
        }
        return new Principles(null, "Principerna i styrdokument och åtgärder",
                "Antal styrdokument (gällande, på remiss, under översyn eller under framtagande) och åtgärder som uttrycker "
                        + "respektive princip per " + state.asOf + ".", items);
    }

    /** Whether a list of principles (codes, or objects with a {@code principle} code) names {@code p}. */
    static boolean names(JsonNode principles, Principle p) {
        for (JsonNode n : principles) {
            if (p.name().equals(n.isTextual() ? n.asText() : n.path("principle").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A JSON list's values as text (an absent list is an empty one). */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
