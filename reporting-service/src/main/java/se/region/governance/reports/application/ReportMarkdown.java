package se.region.governance.reports.application;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.SwedishTerms;

/** The report as CommonMark with GitHub-style tables, for editors and diffing. */
@ApplicationScoped
public class ReportMarkdown {

    public String render(ReportView r) {
        StringBuilder m = new StringBuilder(8192);
        m.append("# ").append(inline(r.title())).append("\n\n");
        m.append("*Period ").append(r.periodFrom()).append(" – ").append(r.periodTo()).append(", läget per ").append(r.asOf())
                .append(". ").append(r.status() == ReportStatus.FINAL ? "Slutlig version." : "Utkast.").append("*\n\n");
        if (r.preface() != null) {
            m.append(r.preface().trim()).append("\n\n");
        }
        for (JsonNode s : r.sections()) {
            m.append("## ").append(inline(s.path("title").asText())).append("\n\n").append(s.path("body").asText("").trim()).append("\n\n");
            switch (s.path("key").asText()) {
                case "background" -> {
                    int n = 1;
                    for (JsonNode i : s.path("items")) {
                        if ("measure".equals(i.path("kind").asText())) {
                            m.append(n++).append(". ").append(inline(i.path("title").asText())).append('\n');
                        }
                    }
                    m.append('\n');
                }
                case "documents" -> table(m, s, new String[]{"Läge", "Styrdokument", "Beslut"},
                        i -> new String[]{i.path("categoryLabel").asText(), i.path("title").asText(), i.path("decisionReference").asText("")});
                case "measures" -> {
                    table(m, s, new String[]{"Nr", "Åtgärd", "Status", "Framsteg", "Klart senast"}, i -> i.has("measureId")
                            && !i.has("kind") ? new String[]{i.path("code").asText(), i.path("title").asText(),
                            i.path("statusLabel").asText(), i.path("progress").asInt() + " %", i.path("dueDate").asText("")} : null);
                    for (JsonNode i : s.path("items")) {
                        if (!i.path("updates").isEmpty() || !i.path("collaborations").isEmpty()) {
                            m.append("### Åtgärd ").append(inline(i.path("code").asText())).append(": ").append(inline(i.path("title").asText()))
                                    .append("\n\n");
                            JsonNode updates = i.path("updates");
                            for (int k = Math.max(0, updates.size() - ReportHtml.SHOWN_UPDATES); k < updates.size(); k++) {
                                JsonNode u = updates.get(k);
                                m.append("- ").append(u.path("date").asText()).append(": ").append(inline(u.path("text").asText("")));
                                if (!u.path("obstacles").asText("").isBlank()) {
                                    m.append(" Hinder: ").append(inline(u.path("obstacles").asText()));
                                }
                                if (!u.path("nextSteps").asText("").isBlank()) {
                                    m.append(" Nästa steg: ").append(inline(u.path("nextSteps").asText()));
                                }
                                m.append('\n');
                            }
                            for (JsonNode c : i.path("collaborations")) {
                                m.append("- Samverkan ").append(c.path("date").asText()).append(" (").append(inline(c.path("form").asText("")))
                                        .append(") med ").append(String.join(", ", ReportHtml.texts(c.path("parties")))).append(": ")
                                        .append(inline(c.path("outcome").asText(""))).append('\n');
                            }
                            if (updates.size() > ReportHtml.SHOWN_UPDATES) {
                                m.append("- … och ").append(updates.size() - ReportHtml.SHOWN_UPDATES)
                                        .append(" tidigare uppföljningar under perioden (alla finns i rapportens JSON-version).\n");
                            }
                            m.append('\n');
                        }
                    }
                }
                case "examples" -> {
                    for (JsonNode e : s.path("items")) {
                        m.append("### ").append(inline(e.path("measureTitle").asText())).append(" (").append(e.path("date").asText())
                                .append(")\n\n").append(e.path("text").asText("").trim()).append("\n\n");
                    }
                }
                case "next-steps" -> {
                    for (JsonNode i : s.path("items")) {
                        String kind = i.path("kind").asText();
                        m.append("- ").append("review".equals(kind) ? "Översyn: " : "consultation-deadline".equals(kind) ? "Remisstiden går ut: "
                                : "Åtgärd " + inline(i.path("code").asText()) + ", ").append(inline(i.path("title").asText()));
                        if (i.hasNonNull("nextSteps")) {
                            m.append(": ").append(inline(i.path("nextSteps").asText()));
                        }
                        if (i.hasNonNull("dueDate") || i.hasNonNull("date")) {
                            m.append(" (").append(i.hasNonNull("dueDate") ? i.path("dueDate").asText() : i.path("date").asText()).append(')');
                        }
                        m.append('\n');
                    }
                    m.append('\n');
                }
                case "principles" -> table(m, s, new String[]{"Princip", "Styrdokument", "Åtgärder"},
                        i -> new String[]{i.path("name").asText(), i.path("documents").asText(), i.path("measures").asText()});
                default -> {
                }
            }
        }
        if (r.conclusion() != null) {
            m.append("## Avslutning\n\n").append(r.conclusion().trim()).append("\n\n");
        }
        m.append("---\n\n").append(r.ownerUnit() == null ? "" : r.ownerUnit() + ", ").append(SwedishTerms.monthYear(r.asOf())).append("  \nSammanställt av ").append(inline(r.compiledBy()))
                .append(", ").append(r.compiledAt().toLocalDate()).append('\n');
        if (r.contentHash() != null) {
            m.append("\nKontrollsumma (SHA-256): `").append(r.contentHash()).append("`\n");
        }
        return m.toString();
    }

    private static void table(StringBuilder m, JsonNode section, String[] head, java.util.function.Function<JsonNode, String[]> row) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode i : section.path("items")) {
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
        return inline(s).replace("|", "\\|");
    }

    private static String inline(String s) {
        return s == null ? "" : s.replaceAll("\\s*\n\\s*", " ").trim();
    }
}
