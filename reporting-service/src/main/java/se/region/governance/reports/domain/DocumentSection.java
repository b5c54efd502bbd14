package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.DocumentState;

import java.io.IOException;
import java.text.CollationKey;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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

    /**
     * Collation keys of titles, kept across compilations: every report sorts the whole register (thousands of titles,
     * rarely changed) and a key costs microseconds. Bounded; {@link #SWEDISH} makes every key (its methods are
     * synchronized).
     */
    private static final Map<String, CollationKey> TITLE_KEYS = new ConcurrentHashMap<>();
    private static final int TITLE_KEYS_MAX = 20_000;
    private static final Collator SWEDISH = Collator.getInstance(Locale.forLanguageTag("sv-SE"));

    /** A document of the section: where it belongs and its place in Swedish title order. */
    private record Row(String id, DocumentState d, Category category, CollationKey title) {
    }

    /** A coming review or consultation deadline of "what happens next". */
    record Coming(String kind, String id, DocumentState d, LocalDate date) {
    }

    void write(AsOfState state, ReportPeriod period, ItemWriter w) throws IOException {
        List<Row> rows = new ArrayList<>();
        int[] counts = new int[Category.values().length];
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            Category c = category(d, period);
            if (d.view == null || c == null) {
                continue;
            }
            counts[c.ordinal()]++;
            rows.add(new Row(e.getKey(), d, c, titleKey(d.view.path("title").asText())));
        }
        // Swedish order of titles (å, ä, ö last) within each category; collation keys computed once per title
        rows.sort(Comparator.comparingInt((Row r) -> r.category().ordinal()).thenComparing(Row::title));
        String body = "Under perioden " + period.from() + "–" + period.to() + " fastställdes " + counts[0]
                + " styrdokument. Per " + state.asOf + " var " + counts[1] + " på remiss, " + counts[2] + " under översyn och "
                + counts[3] + " under framtagande" + (counts[4] > 0 ? "; " + counts[4] + " upphävdes eller ersattes" : "") + ".";
        w.startSection(Section.DOCUMENTS, "Översyn av styrdokument", body);
        for (Row r : rows) {
            item(w, r.id(), r.d(), r.category());
        }
        w.endSection();
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

    private void item(ItemWriter w, String id, DocumentState d, Category c) throws IOException {
        JsonNode v = d.view;
        JsonNode decision = v.path("decision");
        Dated lastAdoption = d.adoptions.isEmpty() ? null : d.adoptions.get(d.adoptions.size() - 1);
        if (lastAdoption != null && lastAdoption.view().path("decision").isObject()) {
            decision = lastAdoption.view().path("decision");
        }
        var g = w.g;
        g.writeStartObject();
        g.writeStringField("documentId", id);
        g.writeStringField("diaryNumber", v.path("diaryNumber").asText(null));
        g.writeStringField("title", v.path("title").asText());
        g.writeStringField("type", v.path("type").asText(null));
        g.writeStringField("status", d.status);
        g.writeStringField("statusLabel", SwedishTerms.documentStatus(d.status));
        g.writeStringField("category", c.name());
        g.writeStringField("categoryLabel", c.label);
        g.writeStringField("decisionReference", decision.isObject()
                ? SwedishTerms.decisionReference(v.path("diaryNumber").asText(null), decision) : v.path("diaryNumber").asText(null));
        g.writeStringField("ownerUnit", v.path("ownerUnit").asText(null));
        g.writeStringField("fileUrl", v.path("fileUrl").asText(null));
        g.writeStringField("reviewDue", v.path("reviewDue").asText(null));
        Dated consultation = latestConsultation(d);
        if (consultation != null && c == Category.IN_CONSULTATION) {
            g.writeStringField("consultationDeadline", consultation.view().path("deadline").asText(null));
            w.field("recipients", consultation.view().path("recipients"));
        }
        g.writeArrayFieldStart("principles");
        for (JsonNode p : v.path("principles")) {
            g.writeString(p.path("principle").asText(p.asText()));
        }
        g.writeEndArray();
        w.provenance(d.provenance);
        g.writeEndObject();
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

    /** Coming (or overdue) reviews and open consultation deadlines, by date. */
    List<Coming> comingReviewsAndDeadlines(AsOfState state) {
        List<Coming> rows = new ArrayList<>();
        LocalDate horizon = state.asOf.plusYears(1);
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            if (d.view == null) {
                continue;
            }
            LocalDate reviewDue = EffectiveDates.date(d.view.path("reviewDue"));
            if (("ADOPTED".equals(d.status) || "UNDER_REVIEW".equals(d.status)) && reviewDue != null && !reviewDue.isAfter(horizon)) {
                rows.add(new Coming("review", e.getKey(), d, reviewDue));
            }
            Dated c = latestConsultation(d);
            LocalDate deadline = c == null ? null : EffectiveDates.date(c.view().path("deadline"));
            if ("IN_CONSULTATION".equals(d.status) && deadline != null && deadline.isAfter(state.asOf)) {
                rows.add(new Coming("consultation-deadline", e.getKey(), d, deadline));
            }
        }
        rows.sort(Comparator.comparing(Coming::date)); // stable: a document's review before its deadline on the same day
        return rows;
    }

    void write(ItemWriter w, Coming row) throws IOException {
        Provenance p = row.d().provenance.get(row.d().provenance.size() - 1);
        var g = w.g;
        g.writeStartObject();
        g.writeStringField("kind", row.kind());
        g.writeStringField("documentId", row.id());
        g.writeStringField("diaryNumber", row.d().view.path("diaryNumber").asText(null));
        g.writeStringField("title", row.d().view.path("title").asText());
        w.dateField("date", row.date());
        g.writeArrayFieldStart("provenance");
        w.provenanceEntry(p);
        g.writeEndArray();
        g.writeEndObject();
    }
}
