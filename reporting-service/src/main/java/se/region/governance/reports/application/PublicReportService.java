package se.region.governance.reports.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import se.region.governance.commons.http.PageResponse;
import se.region.governance.commons.problem.DomainException;
import se.region.governance.reports.domain.PublicReportSummary;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.ReportView;
import se.region.governance.reports.infrastructure.ReportRepository;
import se.region.governance.reports.rendering.Formats;
import se.region.governance.reports.rendering.PublicRenditions;
import se.region.governance.reports.rendering.PublicRenditions.Rendition;
import se.region.governance.reports.rendering.RenderBound;
import se.region.governance.reports.rendering.ReportRenderers;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * What anyone may read of the reports, without a token (ADR 10): FINAL reports only, rendered without any person's
 * name. A DRAFT is not found, exactly like an unknown id, so the answer does not tell that it exists.
 */
@ApplicationScoped
public class PublicReportService {

    /** The ETag suffix of each public rendition: the report's version plus this, so it differs from the frozen bytes' tag. */
    private static final Map<String, String> TAG_SUFFIX = Map.of(Formats.JSON, "-public-json", Formats.MARKDOWN,
            "-public-md", Formats.HTML, "-public-html", Formats.PDF, "-public-pdf", Formats.HTML_FRAGMENT, "-public-fragment");

    @Inject
    ReportService reports;
    @Inject
    ReportRepository repository;
    @Inject
    ReportRenderers renderers;
    @Inject
    RenderBound bound;
    @Inject
    PublicRenditions kept;
    @Inject
    ObjectMapper json;

    /**
     * A FINAL report's public rendition in a format of {@link Formats#ALL} or {@link Formats#HTML_FRAGMENT}: kept once
     * rendered; on a miss the row is read in a short transaction and rendered outside it, within the bound on renders at
     * once ({@link RenderBound}, 503 when busy).
     */
    public Rendition render(UUID id, String format) {
        return kept.get(id, format, () -> {
            ReportView v = reports.get(id);
            if (v.status() != ReportStatus.FINAL) {
                throw DomainException.notFound("Report", id);
            }
            return new Rendition(v.version() + TAG_SUFFIX.get(format),
                    bound.render(format, () -> renderers.renderPublic(v, format)));
        });
    }

    /** A page of FINAL reports, the last finalized first, with a weak entity tag of its content. */
    @Transactional
    public Listed list(String planId, int page, int size) {
        PageResponse<PublicReportSummary> p = new PageResponse<>(repository.finalSummaries(planId, page, size), page, size,
                repository.totalFinal(planId));
        try {
            return new Listed(p, ReportService.sha256(json.writeValueAsBytes(p)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Listed(PageResponse<PublicReportSummary> page, String tag) {
    }
}
