package se.region.governance.reports.rendering;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import se.region.governance.reports.domain.ReportView;

/** The report as CommonMark with GitHub-style tables (template {@code reports/markdown.md}), for editors and diffing. */
@ApplicationScoped
public class ReportMarkdown {

    @Inject
    @Location("reports/markdown.md")
    Template markdown;
    @Inject
    ReadableLimits limits;

    public String render(ReportView r) {
        return render(r, limits);
    }

    public String render(ReportView r, ReadableLimits limits) {
        return markdown.data("report", ReadableReport.of(r, limits)).render();
    }
}
