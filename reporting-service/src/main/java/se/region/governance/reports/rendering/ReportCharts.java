package se.region.governance.reports.rendering;

import se.region.governance.reports.domain.ReportSections.MeasureItem;
import se.region.governance.reports.domain.ReportSections.PrincipleItem;
import se.region.governance.reports.domain.SwedishTerms;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inline SVG bar charts, drawn by hand: two simple charts do not justify a charting library, and plain
 * SVG renders the same in a browser and in the PDF. Each has a title and a description for screen readers;
 * the tables beside them carry the same figures.
 */
final class ReportCharts {

    private static final String[] STATUSES = {"PLANNED", "IN_PROGRESS", "BLOCKED", "DONE", "CANCELLED"};
    private static final String[] STATUS_COLOURS = {"#6b7280", "#1d4ed8", "#b91c1c", "#15803d", "#92400e"};

    private ReportCharts() {
    }

    /** Measures per status. */
    static String measureStatus(List<MeasureItem> measures) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : STATUSES) {
            counts.put(s, 0);
        }
        for (MeasureItem m : measures) {
            if (counts.containsKey(m.status())) {
                counts.merge(m.status(), 1, Integer::sum);
            }
        }
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        StringBuilder desc = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        int y = 10;
        for (int i = 0; i < STATUSES.length; i++) {
            int n = counts.get(STATUSES[i]);
            String label = capitalized(SwedishTerms.measureStatus(STATUSES[i]));
            desc.append(label).append(": ").append(n).append(i < STATUSES.length - 1 ? ", " : ".");
            int w = (int) Math.round(300.0 * n / max);
            bars.append(label(10, y + 14, label))
                    .append("<rect x=\"110\" y=\"").append(y).append("\" width=\"").append(Math.max(w, 1))
                    .append("\" height=\"18\" fill=\"").append(STATUS_COLOURS[i]).append("\"/>")
                    .append(label(116 + w, y + 14, Integer.toString(n)));
            y += 26;
        }
        return svg("chart-status", "Åtgärder per status", desc.toString(), 460, y + 6, bars.toString());
    }

    /** Documents and measures per principle. */
    static String principleCoverage(List<PrincipleItem> principles) {
        int max = 1;
        for (PrincipleItem p : principles) {
            max = Math.max(max, Math.max(p.documents(), p.measures()));
        }
        StringBuilder desc = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        int y = 30;
        bars.append("<rect x=\"140\" y=\"6\" width=\"12\" height=\"12\" fill=\"#1d4ed8\"/>").append(label(158, 17, "Styrdokument"))
                .append("<rect x=\"270\" y=\"6\" width=\"12\" height=\"12\" fill=\"#b45309\"/>").append(label(288, 17, "Åtgärder"));
        for (PrincipleItem p : principles) {
            int docs = p.documents();
            int measures = p.measures();
            String name = ReadableText.renderable(p.name());
            desc.append(name).append(": ").append(docs).append(" styrdokument och ").append(measures).append(" åtgärder. ");
            int wd = (int) Math.round(260.0 * docs / max);
            int wm = (int) Math.round(260.0 * measures / max);
            bars.append(label(10, y + 16, name))
                    .append("<rect x=\"140\" y=\"").append(y).append("\" width=\"").append(Math.max(wd, 1))
                    .append("\" height=\"10\" fill=\"#1d4ed8\"/>").append(label(146 + wd, y + 9, Integer.toString(docs)))
                    .append("<rect x=\"140\" y=\"").append(y + 11).append("\" width=\"").append(Math.max(wm, 1))
                    .append("\" height=\"10\" fill=\"#b45309\"/>").append(label(146 + wm, y + 20, Integer.toString(measures)));
            y += 30;
        }
        return svg("chart-principles", "Styrdokument och åtgärder per princip", desc.toString().trim(), 460, y + 4, bars.toString());
    }

    private static String svg(String id, String title, String desc, int width, int height, String body) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\" aria-labelledby=\"" + id + "-title " + id + "-desc\">"
                + "<title id=\"" + id + "-title\">" + escape(title) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + escape(desc) + "</desc>" + body + "</svg>";
    }

    private static String label(int x, int y, String text) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-family=\"DejaVu Sans\" font-size=\"12\" fill=\"#111827\">"
                + escape(text) + "</text>";
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** XML-escaped, for element content and attribute values alike. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : ReadableText.renderable(s).toCharArray()) {
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
