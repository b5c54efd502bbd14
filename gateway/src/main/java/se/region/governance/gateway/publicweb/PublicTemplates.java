package se.region.governance.gateway.publicweb;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import se.region.governance.gateway.publicweb.PublicViews.Page;
import se.region.governance.gateway.publicweb.PublicViews.PublicDocument;
import se.region.governance.gateway.publicweb.PublicViews.PublicPlan;
import se.region.governance.gateway.publicweb.PublicViews.ReportSummary;

import java.util.List;

/** The pages' templates (src/main/resources/templates/public/), checked against these parameters at build. */
@CheckedTemplate(basePath = "public")
final class PublicTemplates {

    private PublicTemplates() {
    }

    static native TemplateInstance start();

    static native TemplateInstance documents(DocumentSearch search, Page<PublicDocument> results);

    static native TemplateInstance document(PublicDocument document);

    static native TemplateInstance plans(Page<PublicPlan> plans);

    static native TemplateInstance plan(PublicPlan plan, StatusChart chart, List<ReportSummary> reports);

    static native TemplateInstance reports(Page<ReportSummary> reports);

    static native TemplateInstance report(ReportSummary report, String fragment);

    static native TemplateInstance error(int status, String heading, String message);
}
