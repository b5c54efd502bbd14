package se.region.governance.reports.rendering;

import se.region.governance.reports.domain.ReportSections;
import se.region.governance.reports.domain.ReportSections.CollaborationEntry;
import se.region.governance.reports.domain.ReportSections.Coming;
import se.region.governance.reports.domain.ReportSections.DocumentItem;
import se.region.governance.reports.domain.ReportSections.ExampleItem;
import se.region.governance.reports.domain.ReportSections.MeasureItem;
import se.region.governance.reports.domain.ReportSections.OpenMeasure;
import se.region.governance.reports.domain.ReportSections.UpdateEntry;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.ReportView;
import se.region.governance.reports.domain.SwedishTerms;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the readable formats (Markdown, HTML and the PDF made from the HTML) show of a report, the same for each: the
 * report's text in Swedish, lists cut at the {@link ReadableLimits} with the rest counted, and a note at the top when
 * anything is left out. The templates ({@code templates/reports/page.html}, {@code markdown.md}) only lay it out.
 * Every text is made renderable ({@link ReadableText#renderable}); the JSON format has everything, as it is.
 */
public record ReadableReport(String title, String period, boolean isFinal, String summaryNote, List<Paragraph> preface,
                             Section background, List<String> measureTitles, String moreMeasureTitles,
                             Section documents, List<DocumentRow> documentRows,
                             Section measures, String statusChart, boolean measuresAsSummary, List<MeasureRow> measureRows,
                             List<MeasureDetail> measureDetails, List<String> planCollaborations, String morePlanCollaborations,
                             Section examples, List<Example> exampleList, String moreExamples,
                             Section nextSteps, List<String> nextStepLines,
                             Section principles, String principleChart, List<PrincipleRow> principleRows,
                             List<Paragraph> conclusion, String signature, String compiledBy, LocalDate compiledOn,
                             String contentHash) {

    static final String FULL_IN_JSON = "alla finns i rapportens JSON-version";

    /** The six sections in the report's order. */
    public List<Section> sectionsInOrder() {
        return List.of(background, documents, measures, examples, nextSteps, principles);
    }

    /** A paragraph of user text: its lines, without their leading and trailing space. */
    public record Paragraph(List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** A section's key, title and body. */
    public record Section(String key, String title, List<Paragraph> body) {
    }

    /** A row of the documents table, or (with {@code more}) the count of the rest of a category. */
    public record DocumentRow(String category, String title, String decision, String note, String more) {
    }

    public record MeasureRow(String code, String title, String responsibleUnit, String status, int progress, String dueDate) {
    }

    /** A measure's heading and lines (its latest updates and collaborations, the earlier ones counted), or its summary line. */
    public record MeasureDetail(String heading, List<String> lines, String summary) {
    }

    public record Example(String heading, List<Paragraph> text) {
    }

    public record PrincipleRow(String name, int documents, int measures) {
    }

    public static ReadableReport of(ReportView r, ReadableLimits limits) {
        ReportSections s = r.sections();
        int max = limits.listLimit();
        int perMeasure = limits.updatesPerMeasure();
        List<MeasureItem> measures = s.measures().measures();
        boolean asSummary = measures.size() > max;

        List<String> titles = s.background().items().stream().filter(ReportSections.MeasureTitle.class::isInstance)
                .map(i -> t(((ReportSections.MeasureTitle) i).title())).toList();
        List<DocumentRow> documentRows = documentRows(s.documents().items(), max);
        List<String> planCollaborations = s.measures().planCollaborations().stream().map(c -> collaboration(c.entry())).toList();
        List<MeasureDetail> details = new ArrayList<>();
        boolean cut = titles.size() > max || asSummary || planCollaborations.size() > max || s.examples().items().size() > max
                || documentRows.stream().anyMatch(d -> d.more() != null);
        for (MeasureItem m : measures) {
            cut |= m.updates().size() > perMeasure || m.collaborations().size() > perMeasure;
            String heading = "Åtgärd " + t(m.code()) + ": " + t(m.title());
            if (asSummary) {
                details.add(new MeasureDetail(heading, List.of(), summaryLine(m)));
            } else if (!m.updates().isEmpty() || !m.collaborations().isEmpty()) {
                details.add(new MeasureDetail(heading, detailLines(m, perMeasure), null));
            }
        }
        List<OpenMeasure> open = s.nextSteps().openMeasures();
        List<Coming> coming = s.nextSteps().coming();
        cut |= open.size() > max || coming.size() > max;
        List<String> nextSteps = new ArrayList<>(head(open, max, ReadableReport::openMeasure));
        if (open.size() > max) {
            nextSteps.add("… och " + (open.size() - max) + (open.size() - max == 1 ? " åtgärd till som inte är avslutad"
                    : " åtgärder till som inte är avslutade") + " (alla redovisas under Åtgärder och uppföljning).");
        }
        nextSteps.addAll(head(coming, max, c -> (c.review() ? "Översyn av " : "Remisstiden går ut för ") + t(c.title())
                + " (" + t(c.diaryNumber()) + "): " + c.date()));
        if (coming.size() > max) {
            int n = coming.size() - max;
            nextSteps.add("… och " + n + (n == 1 ? " översyn eller remisstid till" : " översyner och remisstider till")
                    + " (" + FULL_IN_JSON + ").");
        }
        String note = !cut ? null : "Den här versionen visar högst " + max + " poster per lista och för varje åtgärd "
                + (asSummary || perMeasure == 1 ? "den senaste uppföljningen" : "de " + perMeasure + " senaste uppföljningarna")
                + " under perioden; övriga anges som antal. Den fullständiga rapporten, med alla uppföljningar och styrdokument"
                + " och de händelser varje uppgift bygger på, är rapportens JSON-version: /api/v1/reports/" + r.id()
                + " (Accept: application/json).";
        String owner = r.ownerUnit();
        int moreTitles = titles.size() - max;
        int moreExamples = s.examples().items().size() - max;
        return new ReadableReport(t(r.title()), "Period " + r.periodFrom() + " – " + r.periodTo() + ", läget per " + r.asOf() + ".",
                r.status() == ReportStatus.FINAL, note, paragraphs(r.preface()),
                section(s.background()), head(titles, max, Function.identity()),
                moreTitles > 0 ? "… och " + moreTitles + (moreTitles == 1 ? " åtgärd till" : " åtgärder till")
                        + "; alla redovisas under Åtgärder och uppföljning." : null,
                section(s.documents()), documentRows,
                section(s.measures()), ReportCharts.measureStatus(measures), asSummary,
                asSummary ? List.of() : measures.stream().map(m -> new MeasureRow(t(m.code()), t(m.title()), t(m.responsibleUnit()),
                        t(m.statusLabel()), m.progress(), t(m.dueDate()))).toList(),
                details, head(planCollaborations, max, Function.identity()),
                planCollaborations.size() > max ? "… och " + (planCollaborations.size() - max)
                        + (planCollaborations.size() - max == 1 ? " samverkanstillfälle" : " samverkanstillfällen")
                        + " till (" + FULL_IN_JSON + ")." : null,
                section(s.examples()), head(s.examples().items(), max, ReadableReport::example),
                moreExamples > 0 ? "… och " + moreExamples + " exempel till (" + FULL_IN_JSON + ")." : null,
                section(s.nextSteps()), nextSteps,
                section(s.principles()), ReportCharts.principleCoverage(s.principles().items()),
                s.principles().items().stream().map(p -> new PrincipleRow(t(p.name()), p.documents(), p.measures())).toList(),
                paragraphs(r.conclusion()), (owner == null ? "" : t(owner) + ", ") + SwedishTerms.monthYear(r.asOf()),
                t(r.compiledBy()), r.compiledAt().toLocalDate(), r.contentHash());
    }

    /** Grouped by category (the compiler's order); each category lists at most {@code max}, a last row counts the rest. */
    private static List<DocumentRow> documentRows(List<DocumentItem> items, int max) {
        Map<String, List<DocumentItem>> byCategory = new LinkedHashMap<>();
        items.forEach(i -> byCategory.computeIfAbsent(i.category(), k -> new ArrayList<>()).add(i));
        List<DocumentRow> rows = new ArrayList<>();
        byCategory.forEach((category, docs) -> {
            for (DocumentItem i : head(docs, max, Function.identity())) {
                String note = i.consultationDeadline() != null ? "Remisstid till " + t(i.consultationDeadline())
                        : i.reviewDue() != null ? "Nästa översyn " + t(i.reviewDue()) : "";
                rows.add(new DocumentRow(t(i.categoryLabel()), t(i.title()), t(i.decisionReference()), note, null));
            }
            if (docs.size() > max) {
                rows.add(new DocumentRow("", "", "", "", "… och " + (docs.size() - max) + " styrdokument till under ”"
                        + t(docs.get(0).categoryLabel()) + "” (" + FULL_IN_JSON + ")."));
            }
        });
        return rows;
    }

    /** A measure's latest updates and collaborations of the period, at most {@code perMeasure} each, the earlier counted. */
    private static List<String> detailLines(MeasureItem m, int perMeasure) {
        List<String> lines = new ArrayList<>();
        List<UpdateEntry> updates = m.updates();
        for (UpdateEntry u : updates.subList(Math.max(0, updates.size() - perMeasure), updates.size())) {
            StringBuilder b = new StringBuilder().append(u.date()).append(": ").append(t(u.text()));
            if (!t(u.obstacles()).isBlank()) {
                b.append(" Hinder: ").append(t(u.obstacles()));
            }
            if (!t(u.nextSteps()).isBlank()) {
                b.append(" Nästa steg: ").append(t(u.nextSteps()));
            }
            lines.add(b.toString());
        }
        if (updates.size() > perMeasure) {
            int n = updates.size() - perMeasure;
            lines.add("… och " + n + (n == 1 ? " tidigare uppföljning" : " tidigare uppföljningar") + " under perioden ("
                    + FULL_IN_JSON + ").");
        }
        List<CollaborationEntry> held = m.collaborations();
        held.subList(Math.max(0, held.size() - perMeasure), held.size()).forEach(c -> lines.add(collaboration(c)));
        if (held.size() > perMeasure) {
            int n = held.size() - perMeasure;
            lines.add("… och " + n + (n == 1 ? " tidigare samverkanstillfälle" : " tidigare samverkanstillfällen")
                    + " under perioden (" + FULL_IN_JSON + ").");
        }
        return lines;
    }

    /** A measure on one line: status, progress, due date, unit, its latest update of the period, the rest counted. */
    private static String summaryLine(MeasureItem m) {
        StringBuilder b = new StringBuilder(t(m.statusLabel())).append(", ").append(m.progress()).append(" %");
        if (m.dueDate() != null) {
            b.append(", klar senast ").append(t(m.dueDate()));
        }
        if (m.responsibleUnit() != null) {
            b.append(", ansvarig ").append(t(m.responsibleUnit()));
        }
        b.append('.');
        if (!m.updates().isEmpty()) {
            UpdateEntry u = m.updates().get(m.updates().size() - 1);
            b.append(" Senaste uppföljning ").append(u.date()).append(": ").append(t(u.text()).trim());
            if (!t(u.obstacles()).isBlank()) {
                b.append(" Hinder: ").append(t(u.obstacles()).trim());
            }
            int earlier = m.updates().size() - 1;
            if (earlier > 0) {
                b.append(" Därtill ").append(earlier).append(earlier == 1 ? " tidigare uppföljning" : " tidigare uppföljningar")
                        .append(" under perioden.");
            }
        }
        int held = m.collaborations().size();
        if (held > 0) {
            b.append(" Samverkan: ").append(held).append(held == 1 ? " tillfälle" : " tillfällen").append(" under perioden.");
        }
        return b.toString();
    }

    private static String collaboration(CollaborationEntry c) {
        return "Samverkan " + c.date() + " (" + t(SwedishTerms.collaborationForm(c.form())) + ") med "
                + t(String.join(", ", c.parties() == null ? List.of() : c.parties())) + ": " + t(c.outcome());
    }

    private static String openMeasure(OpenMeasure m) {
        StringBuilder b = new StringBuilder("Åtgärd ").append(t(m.code())).append(", ").append(t(m.title())).append(" (")
                .append(t(m.statusLabel()));
        if (m.dueDate() != null) {
            b.append(m.overdue() ? ", försenad, skulle varit klar " : ", klar senast ").append(t(m.dueDate()));
        }
        b.append(')');
        if (m.nextSteps() != null) {
            b.append(": ").append(t(m.nextSteps()));
        }
        return b.toString();
    }

    private static Example example(ExampleItem e) {
        return new Example(t(e.measureTitle()) + " (" + e.date() + ")", paragraphs(e.text()));
    }

    private static Section section(ReportSections.Section s) {
        return new Section(s.key(), t(s.title()), paragraphs(s.body()));
    }

    private static List<Paragraph> paragraphs(String text) {
        return text == null ? List.of() : ReadableText.paragraphs(text).stream().map(Paragraph::new).toList();
    }

    private static <T, R> List<R> head(List<T> items, int max, Function<T, R> f) {
        return items.subList(0, Math.min(max, items.size())).stream().map(f).toList();
    }

    /** Text made renderable; null as empty. */
    static String t(String s) {
        return ReadableText.renderable(s);
    }
}
