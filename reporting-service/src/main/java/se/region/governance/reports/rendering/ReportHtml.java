package se.region.governance.reports.rendering;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.ReportView;

/**
 * The report as one self-contained, accessible XHTML page (template {@code reports/page.html}: lang="sv", headings,
 * tables with captions, inline SVG charts with titles, print styles), HTML-escaped by Qute. Well-formed XML on purpose:
 * the PDF is made from it. The page's body (template {@code reports/body.html}: preface, sections, conclusion; headings
 * from {@code <h2>}) is also answered alone, as a fragment for another page to embed.
 */
@ApplicationScoped
public class ReportHtml {

    @Inject
    @Location("reports/page.html")
    Template page;
    @Inject
    @Location("reports/body.html")
    Template body;
    @Inject
    ReadableLimits limits;

    public String render(ReportView r) {
        return render(r, limits);
    }

    public String render(ReportView r, ReadableLimits limits) {
        return page.data("report", ReadableReport.of(r, limits)).render();
    }

    /** The page's body alone: no html, head, body, style or h1 element. */
    public String fragment(ReportView r) {
        return body.data("report", ReadableReport.of(r, limits)).render();
    }
}
