package se.region.governance.reports.domain;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.DocumentState;
import se.region.governance.reports.domain.AsOfState.MeasureState;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
    private final DocumentSection documents = new DocumentSection();

    public ReportCompiler(ObjectMapper json) {
        this.json = json;
    }

    /** The sections as trees (for looking inside, e.g. tests): what {@link #write} writes, read back. */
    public List<Section> compile(AsOfState state, ReportPeriod period) {
        try (TokenBuffer buffer = new TokenBuffer(json, false)) {
            write(state, period, buffer);
            List<Section> sections = new ArrayList<>(6);
            JsonNode written = json.readTree(buffer.asParser(json));
            for (JsonNode s : written) {
                sections.add(new Section(s.path("key").asText(), s.path("title").asText(), s.path("body").asText(),
                        (ArrayNode) s.path("items")));
            }
            return List.copyOf(sections);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the sections as one JSON array, {@code [{key, title, body, items}, …]}, straight from the state as it walks
     * it: no tree of nodes in between (a large plan's report is megabytes of JSON).
     */
    public void write(AsOfState state, ReportPeriod period, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (SectionWriter s : sections(state, period)) {
            s.writeTo(g);
        }
        g.writeEndArray();
    }

    /** Writes one section, {@code {key, title, body, items}}. */
    @FunctionalInterface
    public interface SectionWriter {
        void writeTo(JsonGenerator g) throws IOException;
    }

    /**
     * The six sections in order, each to be written on its own. They only read the state, so they may be written at
     * the same time (each into its own generator) and joined in this order.
     */
    public List<SectionWriter> sections(AsOfState state, ReportPeriod period) {
        List<Map.Entry<String, MeasureState>> measures = state.orderedMeasures();
        return List.of(
                g -> background(state, measures, new ItemWriter(g)),
                g -> documents.write(state, period, new ItemWriter(g)),
                g -> measureSection(state, period, measures, new ItemWriter(g)),
                g -> examples(period, measures, new ItemWriter(g)),
                g -> nextSteps(state, measures, new ItemWriter(g)),
                g -> principles(state, measures, new ItemWriter(g)));
    }

    private void background(AsOfState state, List<Map.Entry<String, MeasureState>> measures, ItemWriter w) throws IOException {
        StringBuilder body = new StringBuilder(SKR_DEFINITION).append("\n\n");
        String reference = null;
        if (state.plan == null) {
            body.append("Planen var inte beslutad per ").append(state.asOf).append('.');
        } else {
            JsonNode decision = state.plan.path("decision");
            reference = SwedishTerms.decisionReference(state.plan.path("decision").path("diaryNumber").asText(null), decision);
            body.append(capitalize(SwedishTerms.body(decision))).append(" beslutade ").append(decision.path("date").asText(""))
                    .append(", ").append(decision.path("paragraph").asText("")).append(", om planen ”")
                    .append(state.plan.path("title").asText()).append("” med ").append(measures.size())
                    .append(measures.size() == 1 ? " åtgärd." : " åtgärder.");
        }
        w.startSection(Section.BACKGROUND, "Bakgrund", body.toString());
        JsonGenerator g = w.g;
        if (state.plan != null) {
            g.writeStartObject();
            g.writeStringField("kind", "decision");
            g.writeStringField("planTitle", state.plan.path("title").asText());
            g.writeStringField("decisionReference", reference);
            g.writeStringField("ownerUnit", state.plan.path("ownerUnit").asText(null));
            w.provenance(state.planProvenance);
            g.writeEndObject();
        }
        for (Principle p : PRINCIPLES) {
            g.writeStartObject();
            g.writeStringField("kind", "principle");
            g.writeStringField("principle", p.name());
            g.writeStringField("name", p.swedish);
            g.writeEndObject();
        }
        for (Map.Entry<String, MeasureState> m : measures) {
            g.writeStartObject();
            g.writeStringField("kind", "measure");
            g.writeStringField("measureId", m.getKey());
            g.writeStringField("code", m.getValue().view.path("code").asText());
            g.writeStringField("title", m.getValue().view.path("title").asText());
            w.provenance(m.getValue().provenance.subList(0, 1));
            g.writeEndObject();
        }
        w.endSection();
    }

    private void measureSection(AsOfState state, ReportPeriod period, List<Map.Entry<String, MeasureState>> measures, ItemWriter w)
            throws IOException {
        // the body (written first) counts what the items list
        int updates = 0;
        int collaborations = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            updates += inPeriod(entry.getValue().updates, period);
            collaborations += inPeriod(entry.getValue().collaborations, period);
        }
        collaborations += inPeriod(state.planCollaborations, period);
        Map<String, Long> byStatus = new TreeMap<>();
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
        w.startSection(Section.MEASURES, "Åtgärder och uppföljning", body.toString());
        JsonGenerator g = w.g;
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            g.writeStartObject();
            measureHeader(g, entry.getKey(), m);
            g.writeStringField("responsibleUnit", m.view.path("responsibleUnit").asText(null));
            g.writeStringField("startDate", m.view.path("startDate").asText(null));
            g.writeStringField("dueDate", m.view.path("dueDate").asText(null));
            g.writeArrayFieldStart("updates");
            for (Dated d : m.updates) {
                if (period.contains(d.date())) {
                    g.writeStartObject();
                    w.dateField("date", d.date());
                    w.copy(d.view(), "status", "progress", "author", "text", "obstacles", "nextSteps", "example");
                    w.provenance(List.of(d.provenance()));
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("collaborations");
            for (Dated d : m.collaborations) {
                if (period.contains(d.date())) {
                    g.writeStartObject();
                    collaboration(w, d);
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            JsonNode documentIds = m.view.path("documentIds");
            if (documentIds.isArray()) {
                w.field("documentIds", documentIds);
            } else {
                g.writeArrayFieldStart("documentIds");
                g.writeEndArray();
            }
            // the measure's own events and the update its status and progress come from; each update and
            // collaboration above names its own event
            List<Provenance> sources = new ArrayList<>(m.measureEvents);
            if (m.latestUpdate() != null) {
                sources.add(m.latestUpdate().provenance());
            }
            w.provenance(sources);
            g.writeEndObject();
        }
        for (Dated d : state.planCollaborations) {
            if (period.contains(d.date())) {
                g.writeStartObject();
                g.writeStringField("kind", "collaboration");
                collaboration(w, d);
                g.writeEndObject();
            }
        }
        w.endSection();
    }

    private static int inPeriod(List<Dated> dated, ReportPeriod period) {
        int n = 0;
        for (Dated d : dated) {
            if (period.contains(d.date())) {
                n++;
            }
        }
        return n;
    }

    private static boolean example(Dated d, ReportPeriod period) {
        return period.contains(d.date()) && d.view().path("example").asBoolean(false);
    }

    private void examples(ReportPeriod period, List<Map.Entry<String, MeasureState>> measures, ItemWriter w) throws IOException {
        int count = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            for (Dated d : entry.getValue().updates) {
                count += example(d, period) ? 1 : 0;
            }
        }
        String body = count == 0 ? "Inga uppföljningar under perioden är markerade som konkreta exempel."
                : count + (count == 1 ? " uppföljning" : " uppföljningar")
                + " under perioden visar hur en tillitsbaserad styrning omsatts i praktiken.";
        w.startSection(Section.EXAMPLES, "Konkreta exempel på hur en tillitsbaserad styrning omsatts i praktiken", body);
        JsonGenerator g = w.g;
        for (Map.Entry<String, MeasureState> entry : measures) {
            for (Dated d : entry.getValue().updates) {
                if (example(d, period)) {
                    g.writeStartObject();
                    g.writeStringField("measureId", entry.getKey());
                    g.writeStringField("code", entry.getValue().view.path("code").asText());
                    g.writeStringField("measureTitle", entry.getValue().view.path("title").asText());
                    w.dateField("date", d.date());
                    g.writeStringField("text", d.view().path("text").asText(""));
                    w.provenance(List.of(d.provenance()));
                    g.writeEndObject();
                }
            }
        }
        w.endSection();
    }

    private static boolean open(MeasureState m) {
        return !"DONE".equals(m.status) && !"CANCELLED".equals(m.status);
    }

    private void nextSteps(AsOfState state, List<Map.Entry<String, MeasureState>> measures, ItemWriter w) throws IOException {
        int open = 0;
        for (Map.Entry<String, MeasureState> entry : measures) {
            open += open(entry.getValue()) ? 1 : 0;
        }
        List<DocumentSection.Coming> coming = documents.comingReviewsAndDeadlines(state);
        int reviews = coming.size();
        String body = "Per " + state.asOf + " är " + open + (open == 1 ? " åtgärd" : " åtgärder")
                + " inte avslutade. " + reviews + (reviews == 1 ? " styrdokument har" : " styrdokument har")
                + " kommande översyn eller remisstid.";
        w.startSection(Section.NEXT_STEPS, "Vad händer härnäst?", body);
        JsonGenerator g = w.g;
        for (Map.Entry<String, MeasureState> entry : measures) {
            MeasureState m = entry.getValue();
            if (!open(m)) {
                continue;
            }
            g.writeStartObject();
            g.writeStringField("kind", "open-measure");
            measureHeader(g, entry.getKey(), m);
            g.writeStringField("dueDate", m.view.path("dueDate").asText(null));
            java.time.LocalDate due = EffectiveDates.date(m.view.path("dueDate"));
            g.writeBooleanField("overdue", due != null && due.isBefore(state.asOf));
            Dated last = m.latestUpdate();
            g.writeStringField("nextSteps", last == null ? null : last.view().path("nextSteps").asText(null));
            w.provenance(last == null ? m.provenance.subList(0, 1) : List.of(last.provenance()));
            g.writeEndObject();
        }
        for (DocumentSection.Coming row : coming) {
            documents.write(w, row);
        }
        w.endSection();
    }

    private void principles(AsOfState state, List<Map.Entry<String, MeasureState>> measures, ItemWriter w) throws IOException {
        Principle[] all = PRINCIPLES;
        List<List<String>> docIds = new ArrayList<>();
        List<List<String>> measureIds = new ArrayList<>();
        List<List<Provenance>> docProv = new ArrayList<>();
        List<List<Provenance>> measureProv = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            docIds.add(new ArrayList<>());
            measureIds.add(new ArrayList<>());
            docProv.add(new ArrayList<>());
            measureProv.add(new ArrayList<>());
        }
        // one pass over the register and one over the measures (not one per principle); documents first, then measures
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            if (d.view != null && documents.inForceOrInPreparation(d)) {
                boolean[] has = principles(d.view.path("principles"));
                for (int i = 0; i < all.length; i++) {
                    if (has[i]) {
                        docIds.get(i).add(e.getKey());
                        docProv.get(i).add(d.provenance.get(d.provenance.size() - 1));
                    }
                }
            }
        }
        for (Map.Entry<String, MeasureState> m : measures) {
            boolean[] has = principles(m.getValue().view.path("principles"));
            for (int i = 0; i < all.length; i++) {
                if (has[i]) {
                    measureIds.get(i).add(m.getKey());
                    measureProv.get(i).add(m.getValue().provenance.get(m.getValue().provenance.size() - 1));
                }
            }
        }
        w.startSection(Section.PRINCIPLES, "Principerna i styrdokument och åtgärder",
                "Antal styrdokument (gällande, på remiss, under översyn eller under framtagande) och åtgärder som uttrycker "
                        + "respektive princip per " + state.asOf + ".");
        JsonGenerator g = w.g;
        for (int i = 0; i < all.length; i++) {
            g.writeStartObject();
            g.writeStringField("principle", all[i].name());
            g.writeStringField("name", all[i].swedish);
            g.writeNumberField("documents", docIds.get(i).size());
            g.writeNumberField("measures", measureIds.get(i).size());
            strings(g, "documentIds", docIds.get(i));
            strings(g, "measureIds", measureIds.get(i));
            g.writeArrayFieldStart("provenance");
            for (Provenance p : docProv.get(i)) {
                w.provenanceEntry(p);
            }
            for (Provenance p : measureProv.get(i)) {
                w.provenanceEntry(p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        w.endSection();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void measureHeader(JsonGenerator g, String id, MeasureState m) throws IOException {
        g.writeStringField("measureId", id);
        g.writeStringField("code", m.view.path("code").asText());
        g.writeStringField("title", m.view.path("title").asText());
        g.writeStringField("status", m.status);
        g.writeStringField("statusLabel", SwedishTerms.measureStatus(m.status));
        g.writeNumberField("progress", m.progress);
    }

    private static void collaboration(ItemWriter w, Dated d) throws IOException {
        w.dateField("date", d.date());
        w.copy(d.view(), "measureId", "parties", "form", "outcome");
        w.provenance(List.of(d.provenance()));
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

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
