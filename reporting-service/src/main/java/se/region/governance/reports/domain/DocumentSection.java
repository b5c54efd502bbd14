package se.region.governance.reports.domain;

import com.fasterxml.jackson.databind.JsonNode;
import se.region.governance.reports.domain.AsOfState.Dated;
import se.region.governance.reports.domain.AsOfState.DocumentState;
import se.region.governance.reports.domain.ReportSections.Coming;
import se.region.governance.reports.domain.ReportSections.DocumentItem;
import se.region.governance.reports.domain.ReportSections.Documents;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Översyn av styrdokument": the governing documents adopted, in consultation, under review, being
 * drafted, or repealed in the period, each with its decision reference; and the coming reviews.
 */
final class DocumentSection {

    /** Categories in the order the report lists them. */
    enum Category {
        ADOPTED, IN_CONSULTATION, UNDER_REVIEW, DRAFTING, ENDED
    }

    Documents section(AsOfState state, ReportPeriod period) {
        record Row(DocumentItem item, Category category) {
        }
        List<Row> rows = new ArrayList<>();
        int[] counts = new int[Category.values().length];
        for (Map.Entry<String, DocumentState> e : state.documents.entrySet()) {
            DocumentState d = e.getValue();
            Category c = category(d, period);
            if (d.view != null && c != null) {
                counts[c.ordinal()]++;
                rows.add(new Row(item(e.getKey(), d, c), c));
            }
        }
        // by category, then Swedish order of titles (å, ä, ö last)
        Collator swedish = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        rows.sort(Comparator.comparing(Row::category).thenComparing(r -> r.item().title(), swedish));
        String body = "Under perioden " + period.from() + "–" + period.to() + " fastställdes " + counts[0]
                + " styrdokument. Per " + state.asOf + " var " + counts[1] + " på remiss, " + counts[2] + " under översyn och "
                + counts[3] + " under framtagande" + (counts[4] > 0 ? "; " + counts[4] + " upphävdes eller ersattes" : "") + ".";
        return new Documents(null, "Översyn av styrdokument", body, rows.stream().map(Row::item).toList());
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

    private static DocumentItem item(String id, DocumentState d, Category c) {
        JsonNode v = d.view;
        JsonNode decision = v.path("decision");
        Dated lastAdoption = d.adoptions.isEmpty() ? null : d.adoptions.get(d.adoptions.size() - 1);
        if (lastAdoption != null && lastAdoption.view().path("decision").isObject()) {
            decision = lastAdoption.view().path("decision");
        }
        String diaryNumber = v.path("diaryNumber").asText(null);
        Dated consultation = c == Category.IN_CONSULTATION ? latestConsultation(d) : null;
        List<String> principles = new ArrayList<>();
        v.path("principles").forEach(p -> principles.add(p.path("principle").asText(p.asText())));
        return new DocumentItem(id, diaryNumber, v.path("title").asText(), v.path("type").asText(null), d.status,
                SwedishTerms.documentStatus(d.status), c.name(), SwedishTerms.documentCategory(c.name()),
                decision.isObject() ? SwedishTerms.decisionReference(diaryNumber, decision) : diaryNumber,
                v.path("ownerUnit").asText(null), v.path("fileUrl").asText(null), v.path("reviewDue").asText(null),
                consultation == null ? null : consultation.view().path("deadline").asText(null),
                consultation == null ? null : ReportCompiler.texts(consultation.view().path("recipients")),
                principles, List.copyOf(d.provenance));
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
                rows.add(coming(Coming.REVIEW, e.getKey(), d, reviewDue));
            }
            Dated c = latestConsultation(d);
            LocalDate deadline = c == null ? null : EffectiveDates.date(c.view().path("deadline"));
            if ("IN_CONSULTATION".equals(d.status) && deadline != null && deadline.isAfter(state.asOf)) {
                rows.add(coming(Coming.CONSULTATION_DEADLINE, e.getKey(), d, deadline));
            }
        }
        rows.sort(Comparator.comparing(Coming::date)); // stable: a document's review before its deadline on the same day
        return rows;
    }

    private static Coming coming(String kind, String id, DocumentState d, LocalDate date) {
        return new Coming(kind, id, d.view.path("diaryNumber").asText(null), d.view.path("title").asText(), date,
                List.of(d.provenance.get(d.provenance.size() - 1)));
    }
}
