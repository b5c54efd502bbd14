package se.region.governance.plans.application;

import se.region.governance.plans.domain.CollaborationForm;
import se.region.governance.plans.domain.DecisionBody;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.PlanStatus;
import se.region.governance.plans.domain.Principle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the use cases are asked to do; null fields of a patch keep their value. */
public final class Commands {

    private Commands() {
    }

    public record DecisionData(DecisionBody body, LocalDate date, String paragraph, String diaryNumber) {
    }

    public record PlanData(String title, String description, String ownerUnit, DecisionData decision,
                           LocalDate periodFrom, LocalDate periodTo, PlanStatus status) {
    }

    /** {@code toTopLevel}: a patch's explicit {@code "parentId": null}, moving the measure to the plan's top level. */
    public record MeasureData(String code, String title, String description, String responsibleUnit,
                              String responsiblePerson, MeasureStatus status, Integer progress, Integer weight,
                              LocalDate startDate, LocalDate dueDate, List<Principle> principles,
                              List<UUID> documentIds, UUID parentId, boolean toTopLevel) {

        /** Whether a patch changes anything besides the measure's place. */
        public boolean onlyMoves() {
            return code == null && title == null && description == null && responsibleUnit == null
                    && responsiblePerson == null && status == null && progress == null && weight == null
                    && startDate == null && dueDate == null && principles == null && documentIds == null;
        }
    }

    public record UpdateData(LocalDate date, String author, MeasureStatus status, Integer progress, String text,
                             String obstacles, String nextSteps, boolean example) {
    }

    public record CollaborationData(LocalDate date, List<String> parties, CollaborationForm form, String outcome) {
    }

    public record PlanQuery(String title, String diaryNumber, String ownerUnit, int page, int size) {
    }

    public record MeasureQuery(String code, MeasureStatus status, String responsibleUnit, UUID parentId, int page,
                               int size) {
    }
}
