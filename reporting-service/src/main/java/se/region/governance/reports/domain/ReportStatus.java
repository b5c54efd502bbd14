package se.region.governance.reports.domain;

/** A report is a DRAFT (recompiled and edited at will) until it is finalized; a FINAL report never changes. */
public enum ReportStatus {
    DRAFT,
    FINAL;

    /** Throws {@link ReportFrozen} unless the report may still change. */
    public void requireDraft(String action) {
        if (this == FINAL) {
            throw new ReportFrozen(action);
        }
    }
}
