package se.region.governance.plans.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.region.governance.plans.application.Commands;
import se.region.governance.plans.domain.CollaborationForm;
import se.region.governance.plans.domain.DecisionBody;
import se.region.governance.plans.domain.MeasureStatus;
import se.region.governance.plans.domain.PlanStatus;
import se.region.governance.plans.domain.Principle;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request bodies of the plans API, validated at the edge. */
public final class Requests {

    private Requests() {
    }

    public record DecisionJson(@NotNull DecisionBody body, @NotNull LocalDate date, @Size(max = 40) String paragraph,
                               @Size(max = 40) String diaryNumber) {
        Commands.DecisionData toData() {
            return new Commands.DecisionData(body, date, trim(paragraph), trim(diaryNumber));
        }
    }

    public record PlanJson(@NotBlank @Size(max = 300) String title, @Size(max = 10000) String description,
                           @NotBlank @Size(max = 200) String ownerUnit, @Valid DecisionJson decision,
                           LocalDate periodFrom, LocalDate periodTo, PlanStatus status) {
        Commands.PlanData toData() {
            return new Commands.PlanData(trim(title), trim(description), trim(ownerUnit),
                    decision == null ? null : decision.toData(), periodFrom, periodTo, status);
        }
    }

    public record PlanPatchJson(@Size(min = 1, max = 300) String title, @Size(max = 10000) String description,
                                @Size(min = 1, max = 200) String ownerUnit, @Valid DecisionJson decision,
                                LocalDate periodFrom, LocalDate periodTo, PlanStatus status) {
        Commands.PlanData toData() {
            return new Commands.PlanData(trim(title), trim(description), trim(ownerUnit),
                    decision == null ? null : decision.toData(), periodFrom, periodTo, status);
        }
    }

    public record MeasureJson(@NotBlank @Size(max = 20) String code, @NotBlank @Size(max = 300) String title,
                              @Size(max = 10000) String description,
                              @NotBlank @Size(max = 200) String responsibleUnit,
                              @Size(max = 200) String responsiblePerson, MeasureStatus status,
                              @Min(0) @Max(100) Integer progress, @Min(0) @Max(1000) Integer weight,
                              LocalDate startDate, LocalDate dueDate,
                              @Size(max = 7) List<@NotNull Principle> principles,
                              @Size(max = 100) List<@NotNull UUID> documentIds, UUID parentId) {
        Commands.MeasureData toData() {
            return new Commands.MeasureData(trim(code), trim(title), trim(description), trim(responsibleUnit),
                    trim(responsiblePerson), status, progress, weight, startDate, dueDate, principles, documentIds,
                    parentId);
        }
    }

    /** PATCH: only what is present changes. Status and progress are refused here (they change through updates). */
    public record MeasurePatchJson(@Size(min = 1, max = 20) String code, @Size(min = 1, max = 300) String title,
                                   @Size(max = 10000) String description,
                                   @Size(min = 1, max = 200) String responsibleUnit,
                                   @Size(max = 200) String responsiblePerson, MeasureStatus status,
                                   @Min(0) @Max(100) Integer progress, @Min(0) @Max(1000) Integer weight,
                                   LocalDate startDate, LocalDate dueDate,
                                   @Size(max = 7) List<@NotNull Principle> principles,
                                   @Size(max = 100) List<@NotNull UUID> documentIds, UUID parentId) {
        Commands.MeasureData toData() {
            return new Commands.MeasureData(trim(code), trim(title), trim(description), trim(responsibleUnit),
                    trim(responsiblePerson), status, progress, weight, startDate, dueDate, principles, documentIds,
                    parentId);
        }
    }

    public record UpdateJson(@NotNull LocalDate date, @Size(max = 200) String author, MeasureStatus status,
                             @Min(0) @Max(100) Integer progress, @Size(max = 20000) String text,
                             @Size(max = 10000) String obstacles, @Size(max = 10000) String nextSteps,
                             Boolean example) {
        Commands.UpdateData toData() {
            return new Commands.UpdateData(date, trim(author), status, progress, trim(text), trim(obstacles),
                    trim(nextSteps), Boolean.TRUE.equals(example));
        }
    }

    public record CollaborationJson(@NotNull LocalDate date,
                                    @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 200) String> parties,
                                    @NotNull CollaborationForm form, @Size(max = 10000) String outcome) {
        Commands.CollaborationData toData() {
            return new Commands.CollaborationData(date, parties.stream().map(String::trim).toList(), form,
                    trim(outcome));
        }
    }

    static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
