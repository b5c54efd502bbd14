package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.SwedishTerms;

/**
 * The report as CommonMark with GitHub-style tables, for editors and diffing. A large report is summarised
 * ({@link ReadableLimits}, said at the top); the JSON format has everything.
 */
@ApplicationScoped
public class ReportMarkdown {

    @Inject
    ReadableLimits.Config readable;

    public String render(ReportView r) {
        return render(r, readable == null ? ReadableLimits.DEFAULT : readable.limits());
    }

    public String render(ReportView r, ReadableLimits limits) {
        ReadableSummary sum = ReadableSummary.of(r, limits);
        StringBuilder m = new StringBuilder(8192);
        m.append("# ").append(inline(r.title())).append("\n\n");
        m.append("*Period ").append(r.periodFrom()).append(" – ").append(r.periodTo()).append(", läget per ").append(r.asOf())
                .append(". ").append(r.status() == ReportStatus.FINAL ? "Slutlig version." : "Utkast.").append("*\n\n");
        if (sum.summarised) {
            m.append("> **Sammanfattad version.** ").append(inline(sum.note(r))).append("\n\n");
        }
        if (r.preface() != null) {
            m.append(block(r.preface()));
        }
        for (JsonNode s : r.sections()) {
            m.append("## ").append(inline(s.path("title").asText())).append("\n\n").append(block(s.path("body").asText("")));
            switch (s.path("key").asText()) {
                case "background" -> background(m, s, sum);
                case "documents" -> documents(m, s, sum);
                case "measures" -> {
                    if (sum.measuresAsTable) {
                        measureSummary(m, s, sum);
                    } else {
                        measures(m, s, sum);
                    }
                }
                case "examples" -> examples(m, s, sum);
                case "next-steps" -> nextSteps(m, s, sum);
                case "principles" -> table(m, s, new String[]{"Princip", "Styrdokument", "Åtgärder"},
                        i -> new String[]{i.path("name").asText(), i.path("documents").asText(), i.path("measures").asText()});
                default -> {
                }
            }
        }
        if (r.conclusion() != null) {
            m.append("## Avslutning\n\n").append(block(r.conclusion()));
        }
        m.append("---\n\n").append(r.ownerUnit() == null ? "" : inline(r.ownerUnit()) + ", ").append(SwedishTerms.monthYear(r.asOf())).append("  \nSammanställt av ").append(inline(r.compiledBy()))
                .append(", ").append(r.compiledAt().toLocalDate()).append('\n');
        if (r.contentHash() != null) {
            m.append("\nKontrollsumma (SHA-256): `").append(r.contentHash()).append("`\n");
        }
        return m.toString();
    }

    private static void background(StringBuilder m, JsonNode s, ReadableSummary sum) {
        int n = 0;
        for (JsonNode i : s.path("items")) {
            if ("measure".equals(i.path("kind").asText()) && n++ < sum.listLimit) {
                m.append(n).append(". ").append(inline(i.path("title").asText())).append('\n');
            }
        }
        m.append('\n');
        if (n > sum.listLimit) {
            m.append(ReadableSummary.moreMeasureTitles(n - sum.listLimit)).append("\n\n");
        }
    }

    /** Grouped by category (the compiler's order); each category lists at most the list limit, the rest is counted. */
    private static void documents(StringBuilder m, JsonNode s, ReadableSummary sum) {
        rows(m, sum.documentRows(s), new String[]{"Läge", "Styrdokument", "Beslut"}, i -> i.has("more")
                ? new String[]{"", i.path("more").asText(), ""}
                : new String[]{i.path("categoryLabel").asText(), i.path("title").asText(), i.path("decisionReference").asText("")});
    }

    private static void measures(StringBuilder m, JsonNode s, ReadableSummary sum) {
        table(m, s, new String[]{"Nr", "Åtgärd", "Status", "Framsteg", "Klart senast"}, i -> i.has("measureId")
                && !i.has("kind") ? new String[]{i.path("code").asText(), i.path("title").asText(),
                i.path("statusLabel").asText(), i.path("progress").asInt() + " %", i.path("dueDate").asText("")} : null);
        for (JsonNode i : s.path("items")) {
            if (!i.path("updates").isEmpty() || !i.path("collaborations").isEmpty()) {
                m.append("### Åtgärd ").append(inline(i.path("code").asText())).append(": ").append(inline(i.path("title").asText()))
                        .append("\n\n");
                JsonNode updates = i.path("updates");
                for (int k = Math.max(0, updates.size() - sum.updatesPerMeasure); k < updates.size(); k++) {
                    JsonNode u = updates.get(k);
                    m.append("- ").append(inline(u.path("date").asText())).append(": ").append(inline(u.path("text").asText("")));
                    if (!u.path("obstacles").asText("").isBlank()) {
                        m.append(" Hinder: ").append(inline(u.path("obstacles").asText()));
                    }
                    if (!u.path("nextSteps").asText("").isBlank()) {
                        m.append(" Nästa steg: ").append(inline(u.path("nextSteps").asText()));
                    }
                    m.append('\n');
                }
                JsonNode collaborations = i.path("collaborations");
                for (int k = Math.max(0, collaborations.size() - sum.updatesPerMeasure); k < collaborations.size(); k++) {
                    collaboration(m, collaborations.get(k));
                }
                if (collaborations.size() > sum.updatesPerMeasure) {
                    m.append("- ").append(ReadableSummary.earlierCollaborations(collaborations.size() - sum.updatesPerMeasure)).append('\n');
                }
                if (updates.size() > sum.updatesPerMeasure) {
                    m.append("- ").append(ReadableSummary.earlierUpdates(updates.size() - sum.updatesPerMeasure)).append('\n');
                }
                m.append('\n');
            }
        }
        planCollaborations(m, s, sum);
    }

    /**
     * A plan with more measures than the list limit: one line per measure with its status, progress, due date and its
     * latest update of the period, its earlier updates and its collaborations counted.
     */
    private static void measureSummary(StringBuilder m, JsonNode s, ReadableSummary sum) {
        m.append("### Åtgärdernas status och senaste uppföljning under perioden\n\n");
        for (JsonNode i : s.path("items")) {
            if (ReadableSummary.isMeasure(i)) {
                m.append("- **").append(inline(ReadableSummary.measureHeading(i))).append("** – ")
                        .append(inline(ReadableSummary.measureLine(i))).append('\n');
            }
        }
        m.append('\n');
        planCollaborations(m, s, sum);
    }

    /** Plan-level collaborations (no measure), at most the list limit. */
    private static void planCollaborations(StringBuilder m, JsonNode s, ReadableSummary sum) {
        int n = 0;
        for (JsonNode i : s.path("items")) {
            if ("collaboration".equals(i.path("kind").asText()) && n++ < sum.listLimit) {
                collaboration(m, i);
            }
        }
        if (n > sum.listLimit) {
            m.append("- ").append(ReadableSummary.moreCollaborations(n - sum.listLimit)).append('\n');
        }
        if (n > 0) {
            m.append('\n');
        }
    }

    private static void collaboration(StringBuilder m, JsonNode c) {
        m.append("- Samverkan ").append(inline(c.path("date").asText())).append(" (").append(inline(c.path("form").asText("")))
                .append(") med ").append(inline(String.join(", ", ReportHtml.texts(c.path("parties"))))).append(": ")
                .append(inline(c.path("outcome").asText(""))).append('\n');
    }

    private static void examples(StringBuilder m, JsonNode s, ReadableSummary sum) {
        int n = 0;
        for (JsonNode e : s.path("items")) {
            if (n++ < sum.listLimit) {
                m.append("### ").append(inline(e.path("measureTitle").asText())).append(" (").append(inline(e.path("date").asText()))
                        .append(")\n\n").append(block(e.path("text").asText("")));
            }
        }
        if (n > sum.listLimit) {
            m.append(ReadableSummary.moreExamples(n - sum.listLimit)).append("\n\n");
        }
    }

    /** Open measures first, then coming reviews and consultation deadlines (the compiler's order), each kind at most the list limit. */
    private static void nextSteps(StringBuilder m, JsonNode s, ReadableSummary sum) {
        int open = 0;
        int other = 0;
        for (JsonNode i : s.path("items")) {
            String kind = i.path("kind").asText();
            if ("open-measure".equals(kind)) {
                if (open++ >= sum.listLimit) {
                    continue;
                }
            } else {
                if (other == 0 && open > sum.listLimit) {
                    m.append("- ").append(ReadableSummary.moreOpenMeasures(open - sum.listLimit)).append('\n');
                }
                if (other++ >= sum.listLimit) {
                    continue;
                }
            }
            m.append("- ").append("review".equals(kind) ? "Översyn: " : "consultation-deadline".equals(kind) ? "Remisstiden går ut: "
                    : "Åtgärd " + inline(i.path("code").asText()) + ", ").append(inline(i.path("title").asText()));
            if (i.hasNonNull("nextSteps")) {
                m.append(": ").append(inline(i.path("nextSteps").asText()));
            }
            if (i.hasNonNull("dueDate") || i.hasNonNull("date")) {
                m.append(" (").append(inline(i.hasNonNull("dueDate") ? i.path("dueDate").asText() : i.path("date").asText())).append(')');
            }
            m.append('\n');
        }
        if (other == 0 && open > sum.listLimit) {
            m.append("- ").append(ReadableSummary.moreOpenMeasures(open - sum.listLimit)).append('\n');
        }
        if (other > sum.listLimit) {
            m.append("- ").append(ReadableSummary.moreReviewsAndDeadlines(other - sum.listLimit)).append('\n');
        }
        m.append('\n');
    }

    private static void table(StringBuilder m, JsonNode section, String[] head, java.util.function.Function<JsonNode, String[]> row) {
        rows(m, section.path("items"), head, row);
    }

    private static void rows(StringBuilder m, Iterable<JsonNode> items, String[] head, java.util.function.Function<JsonNode, String[]> row) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode i : items) {
            String[] cells = row.apply(i);
            if (cells != null) {
                rows.append('|');
                for (String c : cells) {
                    rows.append(' ').append(cell(c)).append(" |");
                }
                rows.append('\n');
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        m.append('|');
        for (String h : head) {
            m.append(' ').append(h).append(" |");
        }
        m.append("\n|").append("---|".repeat(head.length)).append('\n').append(rows).append('\n');
    }

    private static String cell(String s) {
        return inline(s);
    }

    /**
     * User text on one line, each character of Markdown or HTML syntax backslash-escaped: it reads as the text it is,
     * never as markup, raw HTML, an entity or a link (so no link of any scheme comes from user text).
     */
    static String inline(String s) {
        return escaped(ReadableText.oneLine(s));
    }

    /** User text as Markdown paragraphs: its blank-line paragraphs and line breaks kept, every line escaped; then a blank line. */
    static String block(String s) {
        StringBuilder b = new StringBuilder(s == null ? 0 : s.length() + 16);
        for (java.util.List<String> paragraph : ReadableText.paragraphs(s)) {
            for (int k = 0; k < paragraph.size(); k++) {
                b.append(k == 0 ? "" : "\n").append(escaped(paragraph.get(k)));
            }
            b.append("\n\n");
        }
        return b.toString();
    }

    /** Escaped everywhere: what opens emphasis, code, links, HTML, entities, headings, tables and strikethrough. */
    private static final String SYNTAX = "\\`*_[]<>&|~#";

    /**
     * A line of text (no line break, no leading space) escaped. At the start of a line {@code -}, {@code +} and
     * {@code =} (list items, thematic breaks, setext underlines) and the {@code .} or {@code )} after leading digits
     * (ordered lists) are escaped too.
     */
    static String escaped(String line) {
        StringBuilder b = new StringBuilder(line.length() + 8);
        int digits = 0;
        while (digits < line.length() && line.charAt(digits) >= '0' && line.charAt(digits) <= '9') {
            digits++;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SYNTAX.indexOf(c) >= 0 || (i == 0 && (c == '-' || c == '+' || c == '='))
                    || (i == digits && digits > 0 && (c == '.' || c == ')'))) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
