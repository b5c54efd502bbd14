package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.DocumentState;

import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "Översyn av styrdokument": the governing documents adopted, in consultation, under review, being
 * drafted, or repealed in the period, each with its decision reference, and the coming reviews.
 */
final class DocumentSection {

    /** Categories in the order the report lists them. */
    enum Category {
        ADOPTED("Fastställda under perioden"),
        IN_CONSULTATION("På remiss"),
        UNDER_REVIEW("Under översyn"),
        DRAFTING("Under framtagande"),
        ENDED("Upphävda eller ersatta under perioden");

        final String label;

        Category(String label) {
            this.label = label;
        }
    }

    private final ObjectMapper json;
    /**
     * One provenance node per event, shared by every item that names the event (a document's latest event is named
     * in three sections): a large plan's report names tens of thousands. Never changed once built. Keyed by identity:
     * the state holds one {@link Provenance} per applied event.
     */
    private final Map<Provenance, ObjectNode> provenanceNodes = new IdentityHashMap<>();
    /**
     * Collation keys of titles, kept across compilations: every report sorts the whole register (thousands of titles,
     * rarely changed) and a key costs microseconds. Bounded; {@link #SWEDISH} makes every key (its methods are
     * synchronized).
     */
    private static final Map<String, CollationKey> TITLE_KEYS = new ConcurrentHashMap<>();
    private static final int TITLE_KEYS_MAX = 20_000;
    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

    DocumentSection(ObjectMapper json) {
        this.json = json;
    }

    /** The provenance entry of one event: {@code {eventId, type, time, effectiveDate}}. */
    ObjectNode node(Provenance p) {
        return provenanceNodes.computeIfAbsent(p, k -> json.createObjectNode().put("eventId", p.eventId())
                .put("type", p.type()).put("time", p.time().toString()).put("effectiveDate", p.effectiveDate().toString()));
    }

    Section compile(AsOfState state, ReportPeriod period) {
        List<ObjectNode> rows = new ArrayList<>();
        int[] counts = new int[Category.values().length];
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            Category c = category(d, period);
            if (d.view == null || c == null) {
                continue;
            }
            counts[c.ordinal()]++;
            rows.add(item(e.getKey(), d, c));
        }
        // Swedish order of titles (å, ä, ö last); collation keys computed once per title, not per comparison
        record Row(int category, CollationKey title, ObjectNode item) {
        }
        ArrayNode items = json.createArrayNode();
        rows.stream().map(o -> new Row(Category.valueOf(o.path("category").asText()).ordinal(), titleKey(o.path("title").asText()), o))
                .sorted(Comparator.comparingInt(Row::category).thenComparing(Row::title))
                .forEach(r -> items.add(r.item()));
        String body = "Under perioden " + period.from() + "–" + period.to() + " fastställdes " + counts[0]
                + " styrdokument. Per " + state.asOf + " var " + counts[1] + " på remiss, " + counts[2] + " under översyn och "
                + counts[3] + " under framtagande" + (counts[4] > 0 ? "; " + counts[4] + " upphävdes eller ersattes" : "") + ".";
        return new Section(Section.DOCUMENTS, "Översyn av styrdokument", body, items);
    }

    static CollationKey titleKey(String title) {
        CollationKey key = TITLE_KEYS.get(title);
        if (key == null) {
            if (TITLE_KEYS.size() >= TITLE_KEYS_MAX) {
                TITLE_KEYS.clear();
            }
            key = SWEDISH.getCollationKey(title);
            TITLE_KEYS.put(title, key);
        }
        return key;
    }

    /** Where a document belongs in this report, or null when nothing happened to it that the report covers. */
    static Category category(DocumentState d, ReportPeriod period) {
        if (d.status == null) {
            return null;
        }
        return switch (d.status) {
            case "IN_CONSULTATION" -> Category.IN_CONSULTATION;
            case "UNDER_REVIEW" -> Category.UNDER_REVIEW;
            case "DRAFT" -> Category.DRAFTING;
            case "ADOPTED" -> d.adoptions.stream().anyMatch(a -> period.contains(a.date())) ? Category.ADOPTED : null;
            case "REPEALED", "REPLACED" -> d.ended != null && period.contains(d.ended.date()) ? Category.ENDED : null;
            default -> null;
        };
    }

    private ObjectNode item(String id, DocumentState d, Category c) {
        JsonNode v = d.view;
        JsonNode decision = v.path("decision");
        Dated lastAdoption = d.adoptions.isEmpty() ? null : d.adoptions.get(d.adoptions.size() - 1);
        if (lastAdoption != null && lastAdoption.view().path("decision").isObject()) {
            decision = lastAdoption.view().path("decision");
        }
        ObjectNode o = json.createObjectNode().put("documentId", id).put("diaryNumber", v.path("diaryNumber").asText(null))
                .put("title", v.path("title").asText()).put("type", v.path("type").asText(null))
                .put("status", d.status).put("statusLabel", SwedishTerms.documentStatus(d.status))
                .put("category", c.name()).put("categoryLabel", c.label)
                .put("decisionReference", decision.isObject()
                        ? SwedishTerms.decisionReference(v.path("diaryNumber").asText(null), decision) : v.path("diaryNumber").asText(null))
                .put("ownerUnit", v.path("ownerUnit").asText(null)).put("fileUrl", v.path("fileUrl").asText(null))
                .put("reviewDue", v.path("reviewDue").asText(null));
        Dated consultation = latestConsultation(d);
        if (consultation != null && c == Category.IN_CONSULTATION) {
            o.put("consultationDeadline", consultation.view().path("deadline").asText(null));
            o.set("recipients", consultation.view().path("recipients"));
        }
        ArrayNode principles = o.putArray("principles");
        v.path("principles").forEach(p -> principles.add(p.path("principle").asText(p.asText())));
        ArrayNode prov = o.putArray("provenance");
        d.provenance.forEach(p -> prov.add(node(p)));
        return o;
    }

    private static Dated latestConsultation(DocumentState d) {
        Dated last = null;
        for (Dated c : d.consultations.values()) {
            last = c;
        }
        return last;
    }

    /** Documents still part of the register (not repealed or replaced) as of the state's date. */
    boolean inForceOrInPreparation(DocumentState d) {
        return d.status != null && !"REPEALED".equals(d.status) && !"REPLACED".equals(d.status);
    }

    /** Adds coming (or overdue) reviews and open consultation deadlines to {@code items}; returns how many documents. */
    int comingReviewsAndDeadlines(AsOfState state, ArrayNode items) {
        List<ObjectNode> rows = new ArrayList<>();
        LocalDate horizon = state.asOf.plusYears(1);
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            if (d.view == null) {
                continue;
            }
            LocalDate reviewDue = EffectiveDates.date(d.view.path("reviewDue"));
            if (("ADOPTED".equals(d.status) || "UNDER_REVIEW".equals(d.status)) && reviewDue != null && !reviewDue.isAfter(horizon)) {
                rows.add(row(e.getKey(), d, "review", reviewDue));
            }
            Dated c = latestConsultation(d);
            LocalDate deadline = c == null ? null : EffectiveDates.date(c.view().path("deadline"));
            if ("IN_CONSULTATION".equals(d.status) && deadline != null && deadline.isAfter(state.asOf)) {
                rows.add(row(e.getKey(), d, "consultation-deadline", deadline));
            }
        }
        rows.sort(Comparator.comparing(o -> o.path("date").asText()));
        rows.forEach(items::add);
        return rows.size();
    }

    private ObjectNode row(String id, DocumentState d, String kind, LocalDate date) {
        Provenance p = d.provenance.get(d.provenance.size() - 1);
        ObjectNode o = json.createObjectNode().put("kind", kind).put("documentId", id)
                .put("diaryNumber", d.view.path("diaryNumber").asText(null)).put("title", d.view.path("title").asText())
                .put("date", date.toString());
        o.putArray("provenance").add(node(p));
        return o;
    }
}
