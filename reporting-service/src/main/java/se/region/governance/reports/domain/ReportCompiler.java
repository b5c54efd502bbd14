package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.MeasureState;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Compiles the sections of a follow-up report from the state as of its date, in the shape of the
 * region's hand-written report of August 2023 (domain.md §3): background, governing documents,
 * measures, concrete examples, next steps, principles. Every item names the events it was built from.
 */
public final class ReportCompiler {

    static final String SKR_DEFINITION = "Tillitsbaserad styrning har sin grund i vad SKR beskriver som ”styrning, kultur och "
            + "arbetssätt med fokus på verksamhetens syfte och medborgarens behov, där varje beslutsnivå aktivt verkar för "
            + "att stimulera samverkan och helhetsperspektiv, bygga tillitsfulla relationer och säkerställa att medarbetaren "
            + "kan, vill och vågar hjälpa medborgaren.” Arbetet mot en mer tillitsbaserad ledning och styrning bygger på de "
            + "sju principerna: tillit, medborgarfokus, helhetssyn, handlingsutrymme, stöd, kunskap och öppenhet.";

    private static final Principle[] PRINCIPLES = Principle.values();

    private final ObjectMapper json;
    private final DocumentSection documents;

    public ReportCompiler(ObjectMapper json) {
        this.json = json;
        this.documents = new DocumentSection(json);
    }

    public List<Section> compile(AsOfState state, ReportPeriod period) {
        List<Section> sections = new java.util.ArrayList<>(6);
        compile(state, period, sections::add);
        return List.copyOf(sections);
    }

    /**
     * The same sections, handed over one at a time in order: a caller that writes each as it comes lets its items go
     * before the next is built (a large plan's sections are megabytes of nodes).
     */
    public void compile(AsOfState state, ReportPeriod period, java.util.function.Consumer<Section> each) {
        List<Map.Entry<String, MeasureState>> measures = state.orderedMeasures();
        each.accept(background(state, measures));
        each.accept(documents.compile(state, period));
        each.accept(measureSection(state, period, measures));
        each.accept(examples(period, measures));
        each.accept(nextSteps(state, measures));
        each.accept(principles(state, measures));
    }

    private Section background(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        ArrayNode items = json.createArrayNode();
        StringBuilder body = new StringBuilder(SKR_DEFINITION).append("\n\n");
        if (state.plan == null) {
            body.append("Planen var inte beslutad per ").append(state.asOf).append('.');
        } else {
            JsonNode decision = state.plan.path("decision");
            String reference = SwedishTerms.decisionReference(state.plan.path("decision").path("diaryNumber").asText(null), decision);
            body.append(capitalize(SwedishTerms.body(decision))).append(" beslutade ").append(decision.path("date").asText(""))
                    .append(", ").append(decision.path("paragraph").asText("")).append(", om planen ”")
                    .append(state.plan.path("title").asText()).append("” med ").append(measures.size())
                    .append(measures.size() == 1 ? " åtgärd." : " åtgärder.");
            ObjectNode item = items.addObject().put("kind", "decision").put("planTitle", state.plan.path("title").asText())
                    .put("decisionReference", reference).put("ownerUnit", state.plan.path("ownerUnit").asText(null));
            provenance(item, state.planProvenance);
        }
        for (Principle p : Principle.values()) {
            items.addObject().put("kind", "principle").put("principle", p.name()).put("name", p.swedish);
        }
        for (Map.Entry<String, MeasureState> m : measures) {
            ObjectNode item = items.addObject().put("kind", "measure").put("measureId", m.getKey())
                    .put("code", m.getValue().view.path("code").asText()).put("title", m.getValue().view.path("title").asText());
            provenance(item, m.getValue().provenance.subList(0, 1));
        }
        return new Section(Section.BACKGROUND, "Bakgrund", body.toString(), items);
    }

    private Section measureSection(AsOfState state, ReportPeriod period, List<Map.Entry<String, MeasureState>> measures) {
        ArrayNode items = json.createArrayNode();
        int updates = 0;
        int collaborations = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            ObjectNode item = measureHeader(items.addObject(), entry.getKey(), m)
                    .put("responsibleUnit", m.view.path("responsibleUnit").asText(null))
                    .put("startDate", m.view.path("startDate").asText(null))
                    .put("dueDate", m.view.path("dueDate").asText(null));
            ArrayNode u = item.putArray("updates");
            for (Dated d : m.updates) {
                if (period.contains(d.date())) {
                    updates++;
                    ObjectNode o = u.addObject().put("date", d.date().toString());
                    copy(d.view(), o, "status", "progress", "author", "text", "obstacles", "nextSteps", "example");
                    provenance(o, List.of(d.provenance()));
                }
            }
            ArrayNode c = item.putArray("collaborations");
            for (Dated d : m.collaborations) {
                if (period.contains(d.date())) {
                    collaborations++;
                    collaboration(c.addObject(), d);
                }
            }
            item.set("documentIds", m.view.path("documentIds").isArray() ? m.view.path("documentIds") : json.createArrayNode());
            // the measure's own events and the update its status and progress come from; each update and
            // collaboration above names its own event
            List<Provenance> sources = new java.util.ArrayList<>(m.measureEvents);
            if (m.latestUpdate() != null) {
                sources.add(m.latestUpdate().provenance());
            }
            provenance(item, sources);
        }
        for (Dated d : state.planCollaborations) {
            if (period.contains(d.date())) {
                collaborations++;
                collaboration(items.addObject().put("kind", "collaboration"), d);
            }
        }
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        measures.forEach(m -> byStatus.merge(SwedishTerms.measureStatus(m.getValue().status), 1L, Long::sum));
        StringBuilder body = new StringBuilder("Per ").append(state.asOf).append(" har planen ").append(measures.size())
                .append(measures.size() == 1 ? " åtgärd" : " åtgärder");
        if (!byStatus.isEmpty()) {
            body.append(" (");
            byStatus.forEach((s, n) -> body.append(n).append(' ').append(s).append(", "));
            body.setLength(body.length() - 2);
            body.append(')');
        }
        body.append(". Under perioden ").append(period.from()).append("–").append(period.to()).append(" rapporterades ")
                .append(updates).append(updates == 1 ? " uppföljning" : " uppföljningar").append(" och ")
                .append(collaborations).append(collaborations == 1 ? " samverkanstillfälle" : " samverkanstillfällen")
                .append(" med medarbetare och fackliga organisationer.");
        return new Section(Section.MEASURES, "Åtgärder och uppföljning", body.toString(), items);
    }

    private Section examples(ReportPeriod period, List<Map.Entry<String, MeasureState>> measures) {
        ArrayNode items = json.createArrayNode();
        for (Map.Entry<String, MeasureState> entry : measures) {
            for (Dated d : entry.getValue().updates) {
                if (period.contains(d.date()) && d.view().path("example").asBoolean(false)) {
                    ObjectNode o = items.addObject().put("measureId", entry.getKey())
                            .put("code", entry.getValue().view.path("code").asText())
                            .put("measureTitle", entry.getValue().view.path("title").asText())
                            .put("date", d.date().toString()).put("text", d.view().path("text").asText(""));
                    provenance(o, List.of(d.provenance()));
                }
            }
        }
        String body = items.isEmpty() ? "Inga uppföljningar under perioden är markerade som konkreta exempel."
                : items.size() + (items.size() == 1 ? " uppföljning" : " uppföljningar")
                + " under perioden visar hur en tillitsbaserad styrning omsatts i praktiken.";
        return new Section(Section.EXAMPLES, "Konkreta exempel på hur en tillitsbaserad styrning omsatts i praktiken", body, items);
    }

    private Section nextSteps(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        ArrayNode items = json.createArrayNode();
        int open = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            if ("DONE".equals(m.status) || "CANCELLED".equals(m.status)) {
                continue;
            }
            open++;
            ObjectNode item = measureHeader(items.addObject().put("kind", "open-measure"), entry.getKey(), m)
                    .put("dueDate", m.view.path("dueDate").asText(null));
            java.time.LocalDate due = EffectiveDates.date(m.view.path("dueDate"));
            item.put("overdue", due != null && due.isBefore(state.asOf));
            Dated last = m.latestUpdate();
            item.put("nextSteps", last == null ? null : last.view().path("nextSteps").asText(null));
            provenance(item, last == null ? m.provenance.subList(0, 1) : List.of(last.provenance()));
        }
        int reviews = documents.comingReviewsAndDeadlines(state, items);
        String body = "Per " + state.asOf + " är " + open + (open == 1 ? " åtgärd" : " åtgärder")
                + " inte avslutade. " + reviews + (reviews == 1 ? " styrdokument har" : " styrdokument har")
                + " kommande översyn eller remisstid.";
        return new Section(Section.NEXT_STEPS, "Vad händer härnäst?", body, items);
    }

    private Section principles(AsOfState state, List<Map.Entry<String, MeasureState>> measures) {
        Principle[] all = PRINCIPLES;
        ArrayNode[] docIds = new ArrayNode[all.length];
        ArrayNode[] measureIds = new ArrayNode[all.length];
        ArrayNode[] docProv = new ArrayNode[all.length];
        ArrayNode[] measureProv = new ArrayNode[all.length];
        for (int i = 0; i < all.length; i++) {
            docIds[i] = json.createArrayNode();
            measureIds[i] = json.createArrayNode();
            docProv[i] = json.createArrayNode();
            measureProv[i] = json.createArrayNode();
        }
        // one pass over the register and one over the measures (not one per principle); documents first, then measures
        state.documents.forEach((id, d) -> {
            if (d.view != null && documents.inForceOrInPreparation(d)) {
                boolean[] has = principles(d.view.path("principles"));
                for (int i = 0; i < all.length; i++) {
                    if (has[i]) {
                        docIds[i].add(id);
                        docProv[i].add(node(d.provenance.get(d.provenance.size() - 1)));
                    }
                }
            }
        });
        for (Map.Entry<String, MeasureState> m : measures) {
            boolean[] has = principles(m.getValue().view.path("principles"));
            for (int i = 0; i < all.length; i++) {
                if (has[i]) {
                    measureIds[i].add(m.getKey());
                    measureProv[i].add(node(m.getValue().provenance.get(m.getValue().provenance.size() - 1)));
                }
            }
        }
        ArrayNode items = json.createArrayNode();
        for (int i = 0; i < all.length; i++) {
            ObjectNode item = items.addObject().put("principle", all[i].name()).put("name", all[i].swedish);
            item.put("documents", docIds[i].size()).put("measures", measureIds[i].size());
            item.set("documentIds", docIds[i]);
            item.set("measureIds", measureIds[i]);
            item.set("provenance", docProv[i].addAll(measureProv[i]));
        }
        return new Section(Section.PRINCIPLES, "Principerna i styrdokument och åtgärder",
                "Antal styrdokument (gällande, på remiss, under översyn eller under framtagande) och åtgärder som uttrycker "
                        + "respektive princip per " + state.asOf + ".", items);
    }

    private ObjectNode measureHeader(ObjectNode item, String id, MeasureState m) {
        return item.put("measureId", id).put("code", m.view.path("code").asText()).put("title", m.view.path("title").asText())
                .put("status", m.status).put("statusLabel", SwedishTerms.measureStatus(m.status)).put("progress", m.progress);
    }

    private void collaboration(ObjectNode o, Dated d) {
        o.put("date", d.date().toString());
        copy(d.view(), o, "measureId", "parties", "form", "outcome");
        provenance(o, List.of(d.provenance()));
    }

    /** Which of the seven principles a list names (codes, or objects with a {@code principle} code), by ordinal. */
    static boolean[] principles(JsonNode principles) {
        boolean[] has = new boolean[PRINCIPLES.length];
        for (JsonNode n : principles) {
            String code = n.isTextual() ? n.asText() : n.path("principle").asText();
            for (Principle p : PRINCIPLES) {
                if (p.name().equals(code)) {
                    has[p.ordinal()] = true;
                }
            }
        }
        return has;
    }

    static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) {
            if (from.has(f)) {
                to.set(f, from.get(f));
            }
        }
    }

    void provenance(ObjectNode item, Collection<Provenance> events) {
        ArrayNode a = item.putArray("provenance");
        events.forEach(p -> a.add(node(p)));
    }

    ObjectNode node(Provenance p) {
        return documents.node(p);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
