package se.region.governance.reports.infrastructure;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import se.region.governance.reports.domain.PublicReportSummary;
import se.region.governance.reports.domain.Report;
import se.region.governance.reports.domain.ReportStatus;
import se.region.governance.reports.domain.ReportSummary;

import java.util.List;
import java.util.UUID;

/** Reports and the frozen bytes of FINAL ones. */
@ApplicationScoped
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** A page of reports, newest first, without their sections (not even read from the table). */
    public List<ReportSummary> summaries(String planId, int page, int size) {
        Sort sort = Sort.by("compiledAt", Sort.Direction.Descending).and("id");
        return (planId == null ? findAll(sort) : find("planId", sort, planId)).page(Page.of(page, size))
                .project(ReportSummary.class).list();
    }

    public long total(String planId) {
        return planId == null ? count() : count("planId", planId);
    }

    /** A page of FINAL reports, the last finalized first, as the public list shows them. */
    public List<PublicReportSummary> finalSummaries(String planId, int page, int size) {
        Sort sort = Sort.by("finalizedAt", Sort.Direction.Descending).and("id");
        return (planId == null ? find("status", sort, ReportStatus.FINAL)
                : find("status = ?1 and planId = ?2", sort, ReportStatus.FINAL, planId))
                .page(Page.of(page, size)).project(PublicReportSummary.class).list();
    }

    public long totalFinal(String planId) {
        return planId == null ? count("status", ReportStatus.FINAL)
                : count("status = ?1 and planId = ?2", ReportStatus.FINAL, planId);
    }

    public void storeRendition(UUID reportId, String mediaType, byte[] content, String sha256) {
        getEntityManager().createNativeQuery("insert into report_rendition (report_id, media_type, content, sha256)"
                        + " values (?1, ?2, ?3, ?4)")
                .setParameter(1, reportId).setParameter(2, mediaType).setParameter(3, content).setParameter(4, sha256)
                .executeUpdate();
    }

    public byte[] rendition(UUID reportId, String mediaType) {
        List<?> rows = getEntityManager().createNativeQuery("select content from report_rendition where report_id = ?1"
                        + " and media_type = ?2")
                .setParameter(1, reportId).setParameter(2, mediaType).getResultList();
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }
}
