package se.region.governance.gateway.publicweb;

import java.util.List;
import java.util.Map;

/**
 * The services' public answers as the pages read them (docs/api.md, "Public (no token)"): only the fields a
 * page shows; the rest is ignored. Dates stay the ISO text the services send.
 */
public final class PublicViews {

    private PublicViews() {
    }

    /** A page of results, as every public list answers. */
    public record Page<T>(List<T> items, int page, int size, long total) {
        public Page {
            items = items == null ? List.of() : items;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }

        public long first() {
            return items.isEmpty() ? 0 : (long) page * size + 1;
        }

        public long last() {
            return (long) page * size + items.size();
        }
    }

    /** A decision: a document's (body, committee, date, paragraph) or a plan's (body, date, paragraph, diary number). */
    public record Decision(String body, String committee, String date, String paragraph, String diaryNumber) {
        /** "regionstyrelsen 2022-08-17 § 183". */
        public String text() {
            return String.join(" ", java.util.stream.Stream.of(SwedishLabels.decisionBody(body, committee), date,
                    paragraph).filter(s -> s != null && !s.isBlank()).toList());
        }
    }

    public record PrincipleQuote(String principle, String passage) {
        public String label() {
            return SwedishLabels.principle(principle);
        }
    }

    public record DocumentVersion(int number, Decision decision, String validFrom, String reviewDue, String fileUrl) {
        public String safeFileUrl() {
            return SwedishLabels.webLink(fileUrl);
        }
    }

    public record PublicDocument(String id, String diaryNumber, String title, String type, boolean political, String status,
                          String ownerUnit, String summary, Decision decision, List<PrincipleQuote> principles,
                          String reviewDue, String fileUrl, Integer currentVersion, String successorId,
                          String updatedAt, List<DocumentVersion> versions) {
        public PublicDocument {
            principles = principles == null ? List.of() : principles;
            versions = versions == null ? List.of() : versions;
        }

        public String typeLabel() {
            return SwedishLabels.documentType(type);
        }

        public String statusLabel() {
            return SwedishLabels.documentStatus(status);
        }

        public String kind() {
            return political ? "politiskt" : "förvaltningens";
        }

        public String safeFileUrl() {
            return SwedishLabels.webLink(fileUrl);
        }

        public String principleLabels() {
            return String.join(", ", principles.stream().map(PrincipleQuote::label).distinct().toList());
        }
    }

    public record Collaboration(String date, List<String> parties, String form, String outcome) {
        public Collaboration {
            parties = parties == null ? List.of() : parties;
        }

        public String formLabel() {
            return SwedishLabels.collaborationForm(form);
        }

        public String partyList() {
            return String.join(", ", parties);
        }
    }

    public record LatestUpdate(String date, String status, Integer progress, String text, String obstacles, String nextSteps,
                        boolean example) {
        public String statusLabel() {
            return SwedishLabels.measureStatus(status);
        }
    }

    public record Measure(String id, String code, String title, String description, String parentId, String responsibleUnit,
                   String status, int progress, String startDate, String dueDate, boolean overdue,
                   List<String> principles, LatestUpdate latestUpdate, List<Collaboration> collaborations) {
        public Measure {
            principles = principles == null ? List.of() : principles;
            collaborations = collaborations == null ? List.of() : collaborations;
        }

        public String statusLabel() {
            return SwedishLabels.measureStatus(status);
        }

        public String principleLabels() {
            return String.join(", ", principles.stream().map(SwedishLabels::principle).toList());
        }
    }

    public record PublicPlan(String id, String title, String description, String ownerUnit, Decision decision,
                      String periodFrom, String periodTo, String status, double overallProgress, String updatedAt,
                      Map<String, Integer> measuresByStatus, String lastChangeAt, List<Collaboration> collaborations,
                      List<Measure> measures) {
        public PublicPlan {
            measuresByStatus = measuresByStatus == null ? Map.of() : measuresByStatus;
            collaborations = collaborations == null ? List.of() : collaborations;
            measures = measures == null ? List.of() : measures;
        }

        public String statusLabel() {
            return SwedishLabels.planStatus(status);
        }

        public int progressPercent() {
            return (int) Math.round(overallProgress);
        }
    }

    public record ReportSummary(String id, String planId, String title, String periodFrom, String periodTo, String asOf,
                         String finalizedAt) {
        public String finalizedDate() {
            return finalizedAt == null || finalizedAt.length() < 10 ? finalizedAt : finalizedAt.substring(0, 10);
        }
    }
}
