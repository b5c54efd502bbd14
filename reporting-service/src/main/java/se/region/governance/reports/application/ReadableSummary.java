package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readable formats list of one report and what they only count ({@link ReadableLimits}); the same
 * decisions and Swedish phrases for Markdown and HTML. The JSON format is never summarised.
 */
final class ReadableSummary {

    static final String FULL_IN_JSON = "alla finns i rapportens JSON-version";

    final int listLimit;
    final int updatesPerMeasure;
    /** More measures than the list limit: one line each (status, progress, latest update, counts) instead of the table and a heading and list per measure. */
    final boolean measuresAsTable;
    /** Something is left out: the readable formats say so at the top. */
    final boolean summarised;

    private ReadableSummary(ReadableLimits limits, boolean measuresAsTable, boolean summarised) {
        this.listLimit = limits.listLimit();
        this.updatesPerMeasure = limits.updatesPerMeasure();
        this.measuresAsTable = measuresAsTable;
        this.summarised = summarised;
    }

    static ReadableSummary of(ReportView r, ReadableLimits limits) {
        int max = limits.listLimit();
        int perMeasure = limits.updatesPerMeasure();
        boolean cut = count(r.section("background"), "measure") > max;
        Map<String, Integer> perCategory = new HashMap<>();
        for (JsonNode d : r.section("documents").path("items")) {
            cut |= perCategory.merge(d.path("category").asText(), 1, Integer::sum) > max;
        }
        int measures = 0;
        int planCollaborations = 0;
        for (JsonNode m : r.section("measures").path("items")) {
            if (isMeasure(m)) {
                measures++;
                cut |= m.path("updates").size() > perMeasure || m.path("collaborations").size() > perMeasure;
            } else if ("collaboration".equals(m.path("kind").asText())) {
                planCollaborations++;
            }
        }
        boolean asTable = measures > max;
        cut |= asTable || planCollaborations > max || r.section("examples").path("items").size() > max;
        int open = count(r.section("next-steps"), "open-measure");
        cut |= open > max || r.section("next-steps").path("items").size() - open > max;
        return new ReadableSummary(limits, asTable, cut);
    }

    /** A measure of the measures section (not a plan-level collaboration). */
    static boolean isMeasure(JsonNode item) {
        return item.has("measureId") && !item.has("kind");
    }

    private static int count(JsonNode section, String kind) {
        int n = 0;
        for (JsonNode i : section.path("items")) {
            if (kind.equals(i.path("kind").asText())) {
                n++;
            }
        }
        return n;
    }

    /** Where the note at the top of a summarised report sends the reader: the whole report, every item with its sources. */
    String note(ReportView r) {
        return "Den här versionen visar högst " + listLimit + " poster per lista och för varje åtgärd "
                + (measuresAsTable || updatesPerMeasure == 1 ? "den senaste uppföljningen"
                : "de " + updatesPerMeasure + " senaste uppföljningarna")
                + " under perioden; övriga anges som antal. Den fullständiga rapporten, med alla uppföljningar och styrdokument"
                + " och de händelser varje uppgift bygger på, är rapportens JSON-version: /api/v1/reports/" + r.id()
                + " (Accept: application/json).";
    }

    static String earlierUpdates(int n) {
        return "… och " + n + (n == 1 ? " tidigare uppföljning" : " tidigare uppföljningar") + " under perioden (" + FULL_IN_JSON + ").";
    }

    static String earlierCollaborations(int n) {
        return "… och " + n + (n == 1 ? " tidigare samverkanstillfälle" : " tidigare samverkanstillfällen") + " under perioden ("
                + FULL_IN_JSON + ").";
    }

    static String moreCollaborations(int n) {
        return "… och " + n + (n == 1 ? " samverkanstillfälle" : " samverkanstillfällen") + " till (" + FULL_IN_JSON + ").";
    }

    /**
     * The documents section's rows as the readable formats list them: the items come grouped by category; each
     * category lists at most the list limit, and a row holding only {@code more} (the phrase) counts the rest.
     */
    List<JsonNode> documentRows(JsonNode section) {
        List<JsonNode> rows = new ArrayList<>();
        String category = null;
        String label = null;
        int inCategory = 0;
        for (JsonNode i : section.path("items")) {
            if (!i.path("category").asText().equals(category)) {
                addMore(rows, inCategory - listLimit, label);
                category = i.path("category").asText();
                label = i.path("categoryLabel").asText();
                inCategory = 0;
            }
            if (inCategory++ < listLimit) {
                rows.add(i);
            }
        }
        addMore(rows, inCategory - listLimit, label);
        return rows;
    }

    private static void addMore(List<JsonNode> rows, int more, String label) {
        if (more > 0) {
            rows.add(JsonNodeFactory.instance.objectNode().put("more", moreDocuments(more, label)));
        }
    }

    static String moreDocuments(int n, String categoryLabel) {
        return "… och " + n + " styrdokument till under ”" + categoryLabel + "” (" + FULL_IN_JSON + ").";
    }

    static String moreExamples(int n) {
        return "… och " + n + " exempel till (" + FULL_IN_JSON + ").";
    }

    static String moreOpenMeasures(int n) {
        return "… och " + n + (n == 1 ? " åtgärd till som inte är avslutad" : " åtgärder till som inte är avslutade")
                + " (alla redovisas under Åtgärder och uppföljning).";
    }

    static String moreReviewsAndDeadlines(int n) {
        return "… och " + n + (n == 1 ? " översyn eller remisstid till" : " översyner och remisstider till") + " (" + FULL_IN_JSON + ").";
    }

    static String moreMeasureTitles(int n) {
        return "… och " + n + (n == 1 ? " åtgärd till" : " åtgärder till") + "; alla redovisas under Åtgärder och uppföljning.";
    }

    /** The heading of a measure in the summary list: "Åtgärd 12: title". */
    static String measureHeading(JsonNode measure) {
        return "Åtgärd " + measure.path("code").asText() + ": " + measure.path("title").asText();
    }

    /**
     * The rest of a measure's line in the summary list: status, progress, due date, responsible unit, its latest update of
     * the period (text and obstacles), how many earlier ones there were, and its collaborations counted.
     */
    static String measureLine(JsonNode measure) {
        StringBuilder b = new StringBuilder(measure.path("statusLabel").asText()).append(", ").append(measure.path("progress").asInt())
                .append(" %");
        if (measure.hasNonNull("dueDate")) {
            b.append(", klar senast ").append(measure.path("dueDate").asText());
        }
        if (measure.hasNonNull("responsibleUnit")) {
            b.append(", ansvarig ").append(measure.path("responsibleUnit").asText());
        }
        b.append('.');
        JsonNode updates = measure.path("updates");
        if (!updates.isEmpty()) {
            JsonNode u = updates.get(updates.size() - 1);
            b.append(" Senaste uppföljning ").append(u.path("date").asText()).append(": ").append(u.path("text").asText("").trim());
            if (!u.path("obstacles").asText("").isBlank()) {
                b.append(" Hinder: ").append(u.path("obstacles").asText().trim());
            }
            int earlier = updates.size() - 1;
            if (earlier > 0) {
                b.append(" Därtill ").append(earlier).append(earlier == 1 ? " tidigare uppföljning" : " tidigare uppföljningar")
                        .append(" under perioden.");
            }
        }
        int collaborations = measure.path("collaborations").size();
        if (collaborations > 0) {
            b.append(" Samverkan: ").append(collaborations).append(collaborations == 1 ? " tillfälle" : " tillfällen")
                    .append(" under perioden.");
        }
        return b.toString();
    }
}
