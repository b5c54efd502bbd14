package se.region.governance.plans.application;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import se.region.governance.plans.application.Views.DecisionView;
import se.region.governance.plans.application.Views.MeasureView;
import se.region.governance.plans.application.Views.PlanView;
import se.region.governance.plans.domain.Collaboration;
import se.region.governance.plans.domain.CollaborationForm;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.PlanStatus;
import se.region.governance.plans.domain.Principle;
import se.region.governance.plans.domain.ProgressUpdate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the public (no token) endpoints answer (ADR 10): units are public, the people in them are not. None of
 * these records has a field for a person's name (a measure's responsiblePerson, an update's author, a
 * collaboration's recorder, an audit actor), so a new one cannot slip in through a shared view.
 */
public final class PublicViews {

    private PublicViews() {
    }

    /** A plan in the public list. */
    @JsonPropertyOrder({"id", "title", "description", "ownerUnit", "decision", "periodFrom", "periodTo", "status",
            "overallProgress", "updatedAt"})
    public record PublicPlanItem(UUID id, String title, String description, String ownerUnit, DecisionView decision,
                                 LocalDate periodFrom, LocalDate periodTo, PlanStatus status, int overallProgress,
                                 OffsetDateTime updatedAt) {
        static PublicPlanItem of(PlanView p, int overallProgress) {
            return new PublicPlanItem(p.id(), p.title(), p.description(), p.ownerUnit(), p.decision(), p.periodFrom(),
                    p.periodTo(), p.status(), overallProgress, p.updatedAt());
        }
    }

    /** A plan with its figures, its plan-level collaborations and its measures in code order. */
    @JsonPropertyOrder({"id", "title", "description", "ownerUnit", "decision", "periodFrom", "periodTo", "status",
            "overallProgress", "updatedAt", "measuresByStatus", "lastChangeAt", "collaborations", "measures"})
    public record PublicPlan(UUID id, String title, String description, String ownerUnit, DecisionView decision,
                             LocalDate periodFrom, LocalDate periodTo, PlanStatus status, int overallProgress,
                             OffsetDateTime updatedAt, Map<MeasureStatus, Integer> measuresByStatus,
                             OffsetDateTime lastChangeAt, List<PublicCollaboration> collaborations,
                             List<PublicMeasure> measures) {
    }

    /** A measure: {@code progress} rolled up from its children when it has any, as the authenticated view. */
    public record PublicMeasure(UUID id, String code, String title, String description, UUID parentId,
                                String responsibleUnit, MeasureStatus status, int progress, int weight,
                                LocalDate startDate, LocalDate dueDate, boolean overdue, List<Principle> principles,
                                PublicUpdate latestUpdate, List<PublicCollaboration> collaborations) {
        static PublicMeasure of(MeasureView m, boolean overdue, PublicUpdate latestUpdate,
                                List<PublicCollaboration> collaborations) {
            return new PublicMeasure(m.id(), m.code(), m.title(), m.description(), m.parentId(), m.responsibleUnit(),
                    m.status(), m.progress(), m.weight(), m.startDate(), m.dueDate(), overdue, m.principles(),
                    latestUpdate, collaborations);
        }
    }

    /** A progress update without its author. */
    public record PublicUpdate(LocalDate date, MeasureStatus status, int progress, String text, String obstacles,
                               String nextSteps, boolean example) {
        static PublicUpdate of(ProgressUpdate u) {
            return new PublicUpdate(u.date, u.status, u.progress, u.text, u.obstacles, u.nextSteps, u.example);
        }
    }

    /** A collaboration (samverkan) record without who recorded it. */
    public record PublicCollaboration(LocalDate date, List<String> parties, CollaborationForm form, String outcome) {
        static PublicCollaboration of(Collaboration c) {
            return new PublicCollaboration(c.date, List.copyOf(c.parties), c.form, c.outcome);
        }
    }
}
