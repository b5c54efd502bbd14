package se.region.governance.plans.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import se.region.governance.plans.domain.Collaboration;
import se.region.governance.plans.domain.CollaborationForm;
import se.region.governance.plans.domain.Decision;
import se.region.governance.plans.domain.DecisionBody;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.Plan;
import se.region.governance.plans.domain.PlanStatus;
import se.region.governance.plans.domain.Principle;
import se.region.governance.plans.domain.ProgressUpdate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the API answers and events carry (docs/events.md: PlanView, MeasureView, UpdateView, CollaborationView). */
public final class Views {

    private Views() {
    }

    public record DecisionView(DecisionBody body, LocalDate date, String paragraph, String diaryNumber) {
        static DecisionView of(Decision d) {
            return d == null || (d.body == null && d.date == null && d.paragraph == null && d.diaryNumber == null) ? null
                    : new DecisionView(d.body, d.date, d.paragraph, d.diaryNumber);
        }
    }

    /** A plan; {@code measures} only on GET /plans/{id} (events and lists carry the plan alone). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "title", "description", "ownerUnit", "decision", "periodFrom", "periodTo", "status",
            "createdAt", "updatedAt", "version", "measures"})
    public record PlanView(UUID id, String title, String description, String ownerUnit, DecisionView decision,
                           LocalDate periodFrom, LocalDate periodTo, PlanStatus status, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt, long version, List<MeasureView> measures) {

        public static PlanView of(Plan p) {
            return new PlanView(p.id, p.title, p.description, p.ownerUnit, DecisionView.of(p.decision), p.periodFrom,
                    p.periodTo, p.status, p.createdAt, p.updatedAt, p.version, null);
        }

        PlanView withMeasures(List<MeasureView> list) {
            return new PlanView(id, title, description, ownerUnit, decision, periodFrom, periodTo, status, createdAt,
                    updatedAt, version, list);
        }

        Map<String, Object> trackedFields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("description", description);
            m.put("ownerUnit", ownerUnit);
            m.put("decision", decision);
            m.put("periodFrom", periodFrom);
            m.put("periodTo", periodTo);
            m.put("status", status);
            return m;
        }
    }

    /** A linked governing document as the replica knows it. */
    public record DocumentRef(UUID id, String diaryNumber, String title, String status) {
    }

    /**
     * A measure. {@code progress} is rolled up from the children when it has any;
     * {@code reportedProgress} is what was reported on the measure itself.
     */
    public record MeasureView(UUID id, UUID planId, String code, String title, String description,
                              String responsibleUnit, String responsiblePerson, MeasureStatus status, int progress,
                              int reportedProgress, int weight, LocalDate startDate, LocalDate dueDate,
                              List<Principle> principles, List<UUID> documentIds, List<DocumentRef> documents,
                              UUID parentId, LocalDate lastUpdateOn, OffsetDateTime createdAt,
                              OffsetDateTime updatedAt, long version) {

        Map<String, Object> trackedFields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", code);
            m.put("title", title);
            m.put("description", description);
            m.put("responsibleUnit", responsibleUnit);
            m.put("responsiblePerson", responsiblePerson);
            m.put("status", status);
            m.put("progress", progress);
            m.put("weight", weight);
            m.put("startDate", startDate);
            m.put("dueDate", dueDate);
            m.put("principles", principles);
            m.put("documentIds", documentIds);
            m.put("parentId", parentId);
            return m;
        }
    }

    public record UpdateView(UUID id, UUID planId, UUID measureId, LocalDate date, String author, MeasureStatus status,
                             int progress, String text, String obstacles, String nextSteps, boolean example,
                             OffsetDateTime recordedAt) {
        public static UpdateView of(ProgressUpdate u) {
            return new UpdateView(u.id, u.planId, u.measureId, u.date, u.author, u.status, u.progress, u.text,
                    u.obstacles, u.nextSteps, u.example, u.recordedAt);
        }
    }

    public record CollaborationView(UUID id, UUID planId, UUID measureId, LocalDate date, List<String> parties,
                                    CollaborationForm form, String outcome, String recordedBy,
                                    OffsetDateTime recordedAt) {
        public static CollaborationView of(Collaboration c) {
            return new CollaborationView(c.id, c.planId, c.measureId, c.date, List.copyOf(c.parties), c.form, c.outcome,
                    c.recordedBy, c.recordedAt);
        }
    }

    /** GET /plans/{id}/status (design.md). */
    public record PlanStatusSummary(UUID planId, LocalDate asOf, int overallProgress, Map<String, Integer> measures,
                                    List<OverdueMeasure> overdue, OffsetDateTime lastChangeAt) {
    }

    public record OverdueMeasure(UUID id, String code, String title, LocalDate dueDate, MeasureStatus status) {
    }

    /** One item of the change feed; {@code data} is the stored JSON, written out as it is. */
    public record ChangeItem(long seq, OffsetDateTime at, String type, UUID entityId,
                             @com.fasterxml.jackson.annotation.JsonRawValue String data) {
    }

    public record ChangePage(List<ChangeItem> items, String next) {
    }

    /** One entry of the audit trail: the change and who made it. */
    public record AuditItem(long seq, OffsetDateTime at, String type, UUID entityId, String sub, String name,
                            @com.fasterxml.jackson.annotation.JsonRawValue String data) {
    }

    /** A write's result: the view and the ETag of what it changed. */
    public record Written<T>(T view, long version) {
    }
}
