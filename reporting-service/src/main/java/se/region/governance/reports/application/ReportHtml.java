package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.SwedishTerms;

/**
 * The report as one self-contained, accessible XHTML page (lang="sv", headings, tables with captions,
 * inline SVG charts with titles, print styles). Well-formed XML on purpose: the PDF is made from it.
 * A large report is summarised ({@link ReadableLimits}, said at the top); the JSON format has everything.
 */
@ApplicationScoped
public class ReportHtml {

    @Inject
    ReadableLimits.Config readable;

    static final String CSS = """
            @page { size: A4; margin: 20mm 18mm; @bottom-center { content: "Sida " counter(page) " av " counter(pages); font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; } }
            html, body { font-family: 'DejaVu Sans', sans-serif; }
            body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.45; color: #111827; max-width: 50em; margin: 2em auto; padding: 0 1em; }
            h1 { font-size: 20pt; margin-bottom: 0.2em; } h2 { font-size: 15pt; margin-top: 1.6em; border-bottom: 1px solid #d1d5db; }
            h3 { font-size: 12pt; margin-bottom: 0.3em; }
            table { border-collapse: separate; border-spacing: 0; border-top: 1px solid #d1d5db; border-left: 1px solid #d1d5db; width: 100%; margin: 0.8em 0; font-size: 10pt; }
            caption { text-align: left; font-weight: bold; margin-bottom: 0.3em; }
            th, td { border-right: 1px solid #d1d5db; border-bottom: 1px solid #d1d5db; padding: 4px 6px; text-align: left; vertical-align: top; }
            .note { border-left: 3px solid #9ca3af; padding-left: 0.6em; } .measure-summary { font-size: 9pt; } .measure-summary li { margin-bottom: 0.3em; }
            th { background: #f3f4f6; } .nowrap { white-space: nowrap; }
            .meta { color: #374151; } .provenance { color: #6b7280; font-size: 8pt; }
            .chart { display: block; margin: 0.8em 0; }
            footer { margin-top: 2em; border-top: 1px solid #d1d5db; padding-top: 0.5em; }
            @media print { body { margin: 0; max-width: none; } h2, h3 { page-break-after: avoid; } tr, .chart { page-break-inside: avoid; } a { color: inherit; } }
            """;

    public String render(ReportView r) {
        return render(r, readable == null ? ReadableLimits.DEFAULT : readable.limits());
    }

    public String render(ReportView r, ReadableLimits limits) {
        ReadableSummary sum = ReadableSummary.of(r, limits);
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"sv\" xml:lang=\"sv\"><head>")
                .append("<meta charset=\"UTF-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
                .append("<title>").append(escape(r.title())).append("</title>")
                .append("<meta name=\"subject\" content=\"Uppföljning av tillitsbaserad styrning\"/>")
                .append("<meta name=\"author\" content=\"").append(escape(r.compiledBy())).append("\"/>")
                .append("<style>").append(CSS).append("</style></head><body><main>");
        h.append("<h1>").append(escape(r.title())).append("</h1>");
        h.append("<p class=\"meta\">Period ").append(r.periodFrom()).append(" – ").append(r.periodTo())
                .append(", läget per ").append(r.asOf()).append(". ")
                .append(r.status() == ReportStatus.FINAL ? "Slutlig version." : "Utkast.").append("</p>");
        if (sum.summarised) {
            h.append("<p class=\"note\"><strong>Sammanfattad version.</strong> ").append(escape(sum.note(r))).append("</p>");
        }
        if (r.preface() != null) {
            paragraphs(h, r.preface());
        }
        for (JsonNode s : r.sections()) {
            h.append("<section id=\"").append(escape(s.path("key").asText())).append("\"><h2>")
                    .append(escape(s.path("title").asText())).append("</h2>");
            paragraphs(h, s.path("body").asText(""));
            switch (s.path("key").asText()) {
                case "background" -> background(h, s, sum);
                case "documents" -> documents(h, s, sum);
                case "measures" -> {
                    if (sum.measuresAsTable) {
                        measureSummary(h, s, sum);
                    } else {
                        measures(h, s, sum);
                    }
                }
                case "examples" -> examples(h, s, sum);
                case "next-steps" -> nextSteps(h, s, sum);
                case "principles" -> principles(h, s);
                default -> {
                }
            }
            h.append("</section>");
        }
        if (r.conclusion() != null) {
            h.append("<section id=\"conclusion\"><h2>Avslutning</h2>");
            paragraphs(h, r.conclusion());
            h.append("</section>");
        }
        h.append("</main><footer><p>").append(r.ownerUnit() == null ? "" : escape(r.ownerUnit()) + ", ")
                .append(escape(SwedishTerms.monthYear(r.asOf()))).append("<br/>Sammanställt av ")
                .append(escape(r.compiledBy())).append(", ").append(r.compiledAt().toLocalDate()).append("</p>");
        if (r.contentHash() != null) {
            h.append("<p class=\"provenance\">Kontrollsumma (SHA-256): ").append(escape(r.contentHash())).append("</p>");
        }
        h.append("</footer></body></html>\n");
        return h.toString();
    }

    private void background(StringBuilder h, JsonNode s, ReadableSummary sum) {
        h.append("<ol>");
        int n = 0;
        for (JsonNode i : s.path("items")) {
            if ("measure".equals(i.path("kind").asText()) && n++ < sum.listLimit) {
                h.append("<li>").append(escape(i.path("title").asText())).append("</li>");
            }
        }
        h.append("</ol>");
        if (n > sum.listLimit) {
            h.append("<p>").append(escape(ReadableSummary.moreMeasureTitles(n - sum.listLimit))).append("</p>");
        }
    }

    private void documents(StringBuilder h, JsonNode s, ReadableSummary sum) {
        if (s.path("items").isEmpty()) {
            return;
        }
        h.append("<table><caption>Styrdokument under perioden</caption><thead><tr><th scope=\"col\">Läge</th>")
                .append("<th scope=\"col\">Styrdokument</th><th scope=\"col\">Beslut</th><th scope=\"col\">Kommentar</th></tr></thead><tbody>");
        for (JsonNode i : sum.documentRows(s)) {
            if (i.has("more")) {
                h.append("<tr><td colspan=\"4\">").append(escape(i.path("more").asText())).append("</td></tr>");
                continue;
            }
            String note = i.hasNonNull("consultationDeadline") ? "Remisstid till " + i.path("consultationDeadline").asText()
                    : i.hasNonNull("reviewDue") ? "Nästa översyn " + i.path("reviewDue").asText() : "";
            h.append("<tr><td>").append(escape(i.path("categoryLabel").asText())).append("</td><td>")
                    .append(escape(i.path("title").asText())).append("</td><td>")
                    .append(escape(i.path("decisionReference").asText(""))).append("</td><td>").append(escape(note))
                    .append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private void measures(StringBuilder h, JsonNode s, ReadableSummary sum) {
        h.append(ReportCharts.measureStatus(s));
        h.append("<table><caption>Åtgärdernas status</caption><thead><tr><th scope=\"col\">Nr</th><th scope=\"col\">Åtgärd</th>")
                .append("<th scope=\"col\">Ansvarig</th><th scope=\"col\">Status</th><th scope=\"col\">Framsteg</th>")
                .append("<th scope=\"col\">Klart senast</th></tr></thead><tbody>");
        for (JsonNode m : s.path("items")) {
            if (m.has("measureId") && !"collaboration".equals(m.path("kind").asText())) {
                h.append("<tr><td>").append(escape(m.path("code").asText())).append("</td><td>").append(escape(m.path("title").asText()))
                        .append("</td><td>").append(escape(m.path("responsibleUnit").asText(""))).append("</td><td>")
                        .append(escape(m.path("statusLabel").asText())).append("</td><td>").append(m.path("progress").asInt())
                        .append(" %</td><td class=\"nowrap\">").append(escape(m.path("dueDate").asText(""))).append("</td></tr>");
            }
        }
        h.append("</tbody></table>");
        for (JsonNode m : s.path("items")) {
            if (!m.path("updates").isEmpty() || !m.path("collaborations").isEmpty()) {
                h.append("<h3>Åtgärd ").append(escape(m.path("code").asText())).append(": ").append(escape(m.path("title").asText()))
                        .append("</h3><ul>");
                JsonNode updates = m.path("updates");
                for (int k = Math.max(0, updates.size() - sum.updatesPerMeasure); k < updates.size(); k++) {
                    JsonNode u = updates.get(k);
                    h.append("<li>").append(escape(u.path("date").asText())).append(": ").append(escape(u.path("text").asText("")));
                    if (!u.path("obstacles").asText("").isBlank()) {
                        h.append(" Hinder: ").append(escape(u.path("obstacles").asText()));
                    }
                    if (!u.path("nextSteps").asText("").isBlank()) {
                        h.append(" Nästa steg: ").append(escape(u.path("nextSteps").asText()));
                    }
                    h.append("</li>");
                }
                if (updates.size() > sum.updatesPerMeasure) {
                    h.append("<li>").append(escape(ReadableSummary.earlierUpdates(updates.size() - sum.updatesPerMeasure))).append("</li>");
                }
                JsonNode collaborations = m.path("collaborations");
                for (int k = Math.max(0, collaborations.size() - sum.updatesPerMeasure); k < collaborations.size(); k++) {
                    collaboration(h, collaborations.get(k));
                }
                if (collaborations.size() > sum.updatesPerMeasure) {
                    h.append("<li>").append(escape(ReadableSummary.earlierCollaborations(collaborations.size() - sum.updatesPerMeasure)))
                            .append("</li>");
                }
                h.append("</ul>");
            }
        }
        planCollaborations(h, s, sum);
    }

    /** Plan-level collaborations (no measure), at most the list limit. */
    private void planCollaborations(StringBuilder h, JsonNode s, ReadableSummary sum) {
        int n = 0;
        for (JsonNode m : s.path("items")) {
            if ("collaboration".equals(m.path("kind").asText()) && n++ < sum.listLimit) {
                h.append("<ul>");
                collaboration(h, m);
                h.append("</ul>");
            }
        }
        if (n > sum.listLimit) {
            h.append("<p>").append(escape(ReadableSummary.moreCollaborations(n - sum.listLimit))).append("</p>");
        }
    }

    /**
     * A plan with more measures than the list limit: one line per measure with its status, progress, due date and its
     * latest update of the period, its earlier updates and its collaborations counted. A list, not a table: a thousand
     * table rows of six cells cost the PDF layout far more than a thousand list items.
     */
    private void measureSummary(StringBuilder h, JsonNode s, ReadableSummary sum) {
        h.append(ReportCharts.measureStatus(s));
        h.append("<h3>Åtgärdernas status och senaste uppföljning under perioden</h3><ul class=\"measure-summary\">");
        for (JsonNode m : s.path("items")) {
            if (ReadableSummary.isMeasure(m)) {
                h.append("<li><strong>").append(escape(ReadableSummary.measureHeading(m))).append("</strong> – ")
                        .append(escape(ReadableSummary.measureLine(m))).append("</li>");
            }
        }
        h.append("</ul>");
        planCollaborations(h, s, sum);
    }

    private void collaboration(StringBuilder h, JsonNode c) {
        h.append("<li>Samverkan ").append(escape(c.path("date").asText())).append(" (").append(escape(c.path("form").asText("")))
                .append(") med ").append(escape(String.join(", ", texts(c.path("parties"))))).append(": ")
                .append(escape(c.path("outcome").asText(""))).append("</li>");
    }

    private void examples(StringBuilder h, JsonNode s, ReadableSummary sum) {
        int n = 0;
        for (JsonNode e : s.path("items")) {
            if (n++ >= sum.listLimit) {
                continue;
            }
            h.append("<h3>").append(escape(e.path("measureTitle").asText())).append(" (").append(escape(e.path("date").asText()))
                    .append(")</h3>");
            paragraphs(h, e.path("text").asText(""));
        }
        if (n > sum.listLimit) {
            h.append("<p>").append(escape(ReadableSummary.moreExamples(n - sum.listLimit))).append("</p>");
        }
    }

    /** Open measures first, then coming reviews and consultation deadlines (the compiler's order), each kind at most the list limit. */
    private void nextSteps(StringBuilder h, JsonNode s, ReadableSummary sum) {
        h.append("<ul>");
        int open = 0;
        int other = 0;
        for (JsonNode i : s.path("items")) {
            if ("open-measure".equals(i.path("kind").asText())) {
                if (open++ >= sum.listLimit) {
                    continue;
                }
                h.append("<li>Åtgärd ").append(escape(i.path("code").asText())).append(", ").append(escape(i.path("title").asText()))
                        .append(" (").append(escape(i.path("statusLabel").asText()));
                if (i.hasNonNull("dueDate")) {
                    h.append(i.path("overdue").asBoolean() ? ", försenad, skulle varit klar " : ", klar senast ")
                            .append(escape(i.path("dueDate").asText()));
                }
                h.append(")");
                if (i.hasNonNull("nextSteps")) {
                    h.append(": ").append(escape(i.path("nextSteps").asText()));
                }
                h.append("</li>");
            } else {
                if (other == 0 && open > sum.listLimit) {
                    h.append("<li>").append(escape(ReadableSummary.moreOpenMeasures(open - sum.listLimit))).append("</li>");
                }
                if (other++ >= sum.listLimit) {
                    continue;
                }
                h.append("<li>").append("review".equals(i.path("kind").asText()) ? "Översyn av " : "Remisstiden går ut för ")
                        .append(escape(i.path("title").asText())).append(" (").append(escape(i.path("diaryNumber").asText("")))
                        .append("): ").append(escape(i.path("date").asText())).append("</li>");
            }
        }
        if (other == 0 && open > sum.listLimit) {
            h.append("<li>").append(escape(ReadableSummary.moreOpenMeasures(open - sum.listLimit))).append("</li>");
        }
        if (other > sum.listLimit) {
            h.append("<li>").append(escape(ReadableSummary.moreReviewsAndDeadlines(other - sum.listLimit))).append("</li>");
        }
        h.append("</ul>");
    }

    private void principles(StringBuilder h, JsonNode s) {
        h.append(ReportCharts.principleCoverage(s));
        h.append("<table><caption>Styrdokument och åtgärder per princip</caption><thead><tr><th scope=\"col\">Princip</th>")
                .append("<th scope=\"col\">Styrdokument</th><th scope=\"col\">Åtgärder</th></tr></thead><tbody>");
        for (JsonNode p : s.path("items")) {
            h.append("<tr><th scope=\"row\">").append(escape(p.path("name").asText())).append("</th><td>")
                    .append(p.path("documents").asInt()).append("</td><td>").append(p.path("measures").asInt()).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void paragraphs(StringBuilder h, String text) {
        for (java.util.List<String> lines : ReadableText.paragraphs(text)) {
            h.append("<p>").append(escape(String.join("\n", lines))).append("</p>");
        }
    }

    /**
     * XML-escapes text, for element content and attribute values alike; a character no readable format can hold
     * becomes U+FFFD ({@link ReadableText#renderable(String)}), so the XHTML always parses and the PDF always renders.
     */
    static String escape(String s) {
        String t = ReadableText.renderable(s);
        StringBuilder b = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
